import { Errors, type Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as ActionItem from "../src/ActionItem"
import * as ActionItemLifecycle from "../src/ActionItemLifecycle"
import { ids, openItem } from "./support/Fixtures"

const { Command } = ActionItemLifecycle
const by = ids.policePrincipal

describe("ActionItemLifecycle", () => {
  const at = new Date("2026-02-10T10:00:00Z")

  it("closes an open item as done, or as not done with the reason told apart", () => {
    expect(Either.getOrThrow(ActionItemLifecycle.transition(openItem(), Command.Complete({ by, at })))).toMatchObject({
      status: "done",
      closedAt: at,
      closedBy: by,
    })
    const changed = Either.getOrThrow(
      ActionItemLifecycle.transition(openItem(), Command.MarkNotDone({ reason: "circumstances-changed", by, at })),
    )
    expect(changed).toMatchObject({ status: "not-done", notDoneReason: "circumstances-changed" })
    const notDone = Either.getOrThrow(
      ActionItemLifecycle.transition(openItem(), Command.MarkNotDone({ reason: "not-done", by, at })),
    )
    expect(notDone.notDoneReason).toBe("not-done")
  })

  it("refuses to close an item twice", () => {
    const done = Either.getOrThrow(ActionItemLifecycle.transition(openItem(), Command.Complete({ by, at })))
    expect(ActionItemLifecycle.transition(done, Command.MarkNotDone({ reason: "not-done", by, at }))).toEqual(
      Either.left(new Errors.InvalidTransition({ entity: "ActionItem", from: "done", command: "mark-not-done" })),
    )
  })

  it("property: no sequence of commands reaches an illegal item", () => {
    const command = fc.oneof(
      fc.constant(Command.Complete({ by, at })),
      fc
        .constantFrom<ActionItem.NotDoneReason>("circumstances-changed", "not-done")
        .map((reason) => Command.MarkNotDone({ reason, by, at })),
    )
    fc.assert(
      fc.property(fc.array(command, { maxLength: 10 }), (commands) => {
        let item = openItem()
        for (const next of commands) {
          const result = ActionItemLifecycle.transition(item, next)
          if (Either.isRight(result)) {
            expect(item.status).toBe("open")
            item = result.right
          }
          expect(ActionItemLifecycle.violations(item)).toEqual([])
        }
      }),
    )
  })
})

describe("ActionItem rules", () => {
  const meeting = {
    id: "01JG0000000000000000000009" as Id.MeetingId,
    mechanismId: ids.mechanism,
    startsAt: new Date("2026-03-20T09:00:00Z"),
  }

  it("is overdue when open and due before the day", () => {
    const on = "2026-02-02" as ActionItem.DueDate
    expect(ActionItem.isOverdue(openItem(), on)).toBe(true)
    expect(ActionItem.isOverdue(openItem({ dueDate: "2026-02-02" as ActionItem.DueDate }), on)).toBe(false)
    expect(ActionItem.isOverdue(openItem({ status: "done" }), on)).toBe(false)
  })

  it("carries over open items of earlier meetings of the same mechanism only", () => {
    const items = [
      openItem(),
      openItem({ id: "01JA0000000000000000000002" as Id.ActionItemId, status: "done" }),
      openItem({ id: "01JA0000000000000000000003" as Id.ActionItemId, mechanismId: ids.otherMechanism }),
      openItem({
        id: "01JA0000000000000000000004" as Id.ActionItemId,
        meetingId: meeting.id,
        decidedAt: meeting.startsAt,
      }),
      openItem({ id: "01JA0000000000000000000005" as Id.ActionItemId, decidedAt: new Date("2026-04-01T09:00:00Z") }),
    ]
    expect(ActionItem.carriedOver(items, meeting).map((item) => item.id)).toEqual(["01JA0000000000000000000001"])
  })

  it("gives the local date of an instant", () => {
    expect(ActionItem.localDate(new Date("2026-03-10T23:30:00Z"), "Europe/Belgrade")).toBe("2026-03-11")
  })
})
