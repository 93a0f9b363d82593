import { Errors } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect"
import * as ActionItem from "../src/ActionItem"
import * as ActionItemCommands from "../src/ActionItemCommands"
import * as ActionItemExtension from "../src/ActionItemExtension"
import { openItem } from "./support/Fixtures"

const day = (s: string) => s as ActionItem.DueDate
const refused = (rule: string) => Either.left(new Errors.InvalidInput({ field: "dueDate", rule }))

describe("ActionItemExtension.check", () => {
  it("moves an open item's due date later", () => {
    expect(ActionItemExtension.check(openItem(), day("2026-02-02"))).toEqual(Either.right("2026-02-02"))
    expect(ActionItemExtension.check(openItem(), day("2027-01-01"))).toEqual(Either.right("2027-01-01"))
  })

  it("refuses the same date or an earlier one, naming dueDate", () => {
    expect(ActionItemExtension.check(openItem(), day("2026-02-01"))).toEqual(
      refused("meeting.action-item.extension-not-later"),
    )
    expect(ActionItemExtension.check(openItem(), day("2026-01-20"))).toEqual(
      refused("meeting.action-item.extension-not-later"),
    )
  })

  it("refuses a closed item, whatever the date", () => {
    for (const status of ["done", "not-done"] as const)
      expect(ActionItemExtension.check(openItem({ status }), day("2026-03-01"))).toEqual(
        refused("meeting.action-item.extension-closed"),
      )
  })

  it("accepts exactly the dates after the current one, for an open item (property)", () => {
    const date = Arbitrary.make(ActionItem.DueDate)
    fc.assert(
      fc.property(date, date, (current, next) => {
        const result = ActionItemExtension.check(openItem({ dueDate: current }), next)
        expect(Either.isRight(result)).toBe(next > current)
        if (Either.isRight(result)) expect(result.right).toBe(next)
      }),
    )
  })

  it("needs a reason of 1 to 2000 characters, not blank", () => {
    const decode = Schema.decodeUnknownEither(ActionItemCommands.ExtendActionItem)
    const base = { actionItemId: openItem().id, expectedVersion: 1, dueDate: "2026-03-01" }
    expect(Either.isRight(decode({ ...base, reason: "The family moved; the visit needs a new date." }))).toBe(true)
    for (const reason of [undefined, "", "   ", "x".repeat(2001)])
      expect(Either.isLeft(decode({ ...base, reason }))).toBe(true)
  })
})
