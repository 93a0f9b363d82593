import { Errors, type Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Context, Effect } from "effect"
import * as MechanismRoster from "../src/MechanismRoster"
import { ids } from "./support/Fixtures"

// The shape of @bashke/mechanism's `Mechanisms` service, as a fake: a
// coordinator given as a membership, memberships that end.
const memberships = [
  { id: "01JS0000000000000000000001", institutionId: ids.municipality, joinedOn: "2025-01-01" },
  { id: "01JS0000000000000000000002", institutionId: ids.police, joinedOn: "2025-01-01" },
  { id: "01JS0000000000000000000003", institutionId: ids.shelter, joinedOn: "2025-01-01", leftOn: "2026-03-01" },
]
class Mechanisms extends Context.Tag("test/Mechanisms")<
  Mechanisms,
  {
    readonly get: (id: Id.MechanismId) => Effect.Effect<
      {
        readonly id: Id.MechanismId
        readonly coordinator?: string
        readonly minimumMeetingsPerYear: number
        readonly quorum: "more-than-half" | "two-thirds" | "all"
      },
      Errors.NotFound
    >
    readonly members: (
      id: Id.MechanismId,
      at: Date | string,
    ) => Effect.Effect<
      ReadonlyArray<(typeof memberships)[number] & { institutionId: Id.InstitutionId }>,
      Errors.NotFound
    >
    readonly signatories: (id: Id.MechanismId, at: Date | string) => Effect.Effect<ReadonlyArray<Id.InstitutionId>>
  }
>() {}

const fake = Effect.provideService(Mechanisms, {
  get: (id) =>
    id === ids.mechanism
      ? Effect.succeed({
          id,
          coordinator: "01JS0000000000000000000001",
          minimumMeetingsPerYear: 6,
          quorum: "two-thirds" as const,
        })
      : Effect.fail(new Errors.NotFound({ entity: "Mechanism", id })),
  members: (_id, at) => {
    const day = (typeof at === "string" ? at : at.toISOString()).slice(0, 10)
    return Effect.succeed(memberships.filter((m) => m.joinedOn <= day && (m.leftOn === undefined || day < m.leftOn)))
  },
  // The police signed; the mechanism package decides who did.
  signatories: () => Effect.succeed([ids.police]),
})

describe("MechanismRoster.layerFrom: wired to the mechanism package's read side", () => {
  it.effect("reads coordinator, members and signatories on the day, cadence and quorum", () =>
    Effect.gen(function* () {
      const before = yield* MechanismRoster.rosterAt(ids.mechanism, new Date("2026-02-10T09:00:00Z"))
      expect(before).toEqual({
        mechanismId: ids.mechanism,
        coordinator: ids.municipality,
        members: [ids.municipality, ids.police, ids.shelter],
        signatories: [ids.police],
        meetingsPerYear: 6,
        quorum: "two-thirds",
      })
      const after = yield* MechanismRoster.rosterAt(ids.mechanism, new Date("2026-03-10T09:00:00Z"))
      expect(after.members).toEqual([ids.municipality, ids.police])
      expect(yield* Effect.flip(MechanismRoster.rosterAt(ids.otherMechanism, new Date()))).toEqual(
        new Errors.NotFound({ entity: "Mechanism", id: ids.otherMechanism }),
      )
    }).pipe(Effect.provide(MechanismRoster.layerFrom(Mechanisms)), fake),
  )
})
