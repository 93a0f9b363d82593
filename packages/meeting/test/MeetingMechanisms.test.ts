// The mechanism a meeting or an action item belongs to, read first so the app
// checks a caller's reach before anything else (on SQLite and PostgreSQL).
import { Errors, Id } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Option } from "effect"
import { ActionItemRepository, MeetingLifecycle, MeetingMechanisms, MeetingRepository } from "../src/index"
import { databases, services } from "./support/Databases"
import { ids, openItem } from "./support/Fixtures"

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: MeetingMechanisms`, () => {
    layer(services(db))((it) => {
      it.effect("answers the mechanism of a meeting and of an action item, and nothing for an unknown id", () =>
        Effect.gen(function* () {
          const meeting = MeetingLifecycle.requested({
            id: yield* Id.MeetingId.generate,
            mechanismId: ids.mechanism,
            request: {
              institution: ids.police,
              principal: ids.policePrincipal,
              reason: "A member asks for an ad hoc meeting",
              urgency: "standard",
              requestedAt: new Date("2026-03-10T14:00:00Z"),
              deadline: new Date("2026-03-17T23:00:00Z"),
              profileVersion: 1,
            },
          })
          yield* (yield* MeetingRepository.MeetingRepository).insert(meeting)
          expect(yield* MeetingMechanisms.ofMeeting(meeting.id)).toEqual(Option.some(ids.mechanism))
          expect(yield* MeetingMechanisms.ofMeeting(yield* Id.MeetingId.generate)).toEqual(Option.none())

          const item = openItem({ id: yield* Id.ActionItemId.generate, meetingId: meeting.id })
          yield* (yield* ActionItemRepository.ActionItemRepository).insert(item)
          expect(yield* MeetingMechanisms.ofActionItem(item.id)).toBe(ids.mechanism)
          const unknown = yield* Id.ActionItemId.generate
          expect(yield* Effect.flip(MeetingMechanisms.ofActionItem(unknown))).toBeInstanceOf(Errors.NotFound)
        }),
      )
    })
  })
}
