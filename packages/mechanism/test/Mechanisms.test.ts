import type { Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck as fc, Option } from "effect"
import type * as Mechanism from "../src/Mechanism"
import * as Mechanisms from "../src/Mechanisms"
import type * as Membership from "../src/Membership"
import type * as Memorandum from "../src/Memorandum"
import { day, institutions, memberships, memoranda } from "./support/Arbitraries"

const mechanismId = "01J9Z3K8V0M6YQ2R7T5W4X1B0M" as Id.MechanismId
const unknownMechanism = "01J9Z3K8V0M6YQ2R7T5W4X1B0Z" as Id.MechanismId
const police = "01J9Z3K8V0M6YQ2R7T5W4X1B0P" as Id.InstitutionId
const social = "01J9Z3K8V0M6YQ2R7T5W4X1B0Q" as Id.InstitutionId
const shelter = "01J9Z3K8V0M6YQ2R7T5W4X1B0R" as Id.InstitutionId
const m = (n: number) => `01J9Z3K8V0M6YQ2R7T5W4X1BM${n}` as Id.MembershipId

const mechanism: Mechanism.Mechanism = {
  id: mechanismId,
  municipality: "GJI" as Mechanism.Mechanism["municipality"],
  name: { sq: "Mekanizmi", "sr-Latn": "Mehanizam", en: "The mechanism" },
  status: "active",
  minimumMeetingsPerYear: 4,
  quorum: "more-than-half",
  version: 1,
  createdAt: new Date("2025-01-01T00:00:00Z"),
}

const membership = (
  n: number,
  institutionId: Id.InstitutionId,
  sector: Membership.Membership["sector"],
  joinedOn: string,
  leftOn?: string,
): Membership.Membership => ({
  id: m(n),
  mechanismId,
  institutionId,
  sector,
  joinedOn,
  ...(leftOn === undefined ? {} : { leftOn }),
})

const memorandum = (signatures: ReadonlyArray<readonly [Id.InstitutionId, string]>): Memorandum.MemorandumVersion => ({
  memorandumId: "01J9Z3K8V0M6YQ2R7T5W4X1B0N" as Id.MemorandumId,
  mechanismId,
  version: 1,
  effectiveFrom: "2025-03-01",
  documentHash: "0".repeat(64),
  expectedSectors: ["police", "social-work", "shelter"],
  publishedAt: new Date("2025-01-01T00:00:00Z"),
  // Countersigned the day they were given: the day they count from.
  signatures: signatures.map(([institutionId, signedOn], k) => ({
    membershipId: m(k),
    institutionId,
    signedOn,
    countersignature: { countersignedOn: signedOn, countersignedBy: "01J9Z3K8V0M6YQ2R7T5W4X1BP1" as Id.PrincipalId },
  })),
})

// What the case package's `Signatories` port answered before `signatoryMembers`:
// the signatories, each with the sector of its first current membership.
const joined = (service: Mechanisms.Service, id: Id.MechanismId, at: string) =>
  Effect.gen(function* () {
    const institutions = yield* service.signatories(id, at)
    const members = yield* service.members(id, at).pipe(Effect.orElseSucceed(() => []))
    return institutions.flatMap((institution) => {
      const member = members.find((membership) => membership.institutionId === institution)
      return member === undefined ? [] : [member]
    })
  })

describe("Mechanisms.signatoryMembers", () => {
  const service = Mechanisms.fromData({
    mechanisms: [mechanism],
    memberships: [
      membership(1, police, "police", "2025-01-01"),
      membership(2, social, "social-work", "2025-01-01", "2025-06-01"),
      membership(3, social, "social-work", "2025-09-01"),
      membership(4, shelter, "shelter", "2025-01-01"),
    ],
    memoranda: [
      memorandum([
        [police, "2025-02-20"],
        [social, "2025-03-05"],
      ]),
    ],
  })

  it.effect("the members who signed the memorandum in force, each with the membership covering the day", () =>
    Effect.gen(function* () {
      expect(yield* service.signatoryMembers(mechanismId, "2025-03-01")).toEqual([
        membership(1, police, "police", "2025-01-01"),
      ])
      expect(yield* service.signatoryMembers(mechanismId, "2025-04-01")).toEqual([
        membership(1, police, "police", "2025-01-01"),
        membership(2, social, "social-work", "2025-01-01", "2025-06-01"),
      ])
      // Between two memberships the social-work centre is no member, so no signatory.
      expect(yield* service.signatoryMembers(mechanismId, "2025-07-01")).toEqual([
        membership(1, police, "police", "2025-01-01"),
      ])
      expect(yield* service.signatoryMembers(mechanismId, "2025-10-01")).toEqual([
        membership(1, police, "police", "2025-01-01"),
        membership(3, social, "social-work", "2025-09-01"),
      ])
      expect(yield* service.signatoryMembers(mechanismId, "2025-02-28")).toEqual([])
      expect(yield* service.signatoryMembers(unknownMechanism, "2025-04-01")).toEqual([])
    }),
  )

  it.effect(
    "kept for the day under the roster's version: asked again, the same answer; a change or another day, a new one",
    () =>
      Effect.gen(function* () {
        let memberships: ReadonlyArray<Membership.Membership> = [
          membership(1, police, "police", "2025-01-01"),
          membership(2, social, "social-work", "2025-01-01"),
        ]
        let version = 1
        let reads = 0
        const kept = Mechanisms.fromSource({
          find: () => Effect.succeed(Option.some(mechanism)),
          list: Effect.succeed([mechanism]),
          memberships: () =>
            Effect.sync(() => {
              reads++
              return memberships
            }),
          memoranda: () =>
            Effect.succeed([
              memorandum([
                [police, "2025-02-20"],
                [social, "2025-03-05"],
              ]),
            ]),
          rosterVersion: Effect.sync(() => String(version)),
        })
        const first = yield* kept.signatoryMembers(mechanismId, "2025-04-01")
        expect(first.map((member) => member.institutionId)).toEqual([police, social])
        expect(yield* kept.signatoryMembers(mechanismId, "2025-04-01")).toBe(first)
        expect(reads).toBe(1)
        // Another day of the same roster: answered for that day (the police alone had signed by then).
        expect((yield* kept.signatoryMembers(mechanismId, "2025-03-01")).map((member) => member.institutionId)).toEqual(
          [police],
        )
        // The social-work centre leaves, and the roster's version moves: seen at the next ask.
        memberships = [
          membership(1, police, "police", "2025-01-01"),
          membership(2, social, "social-work", "2025-01-01", "2025-03-20"),
        ]
        version = 2
        expect((yield* kept.signatoryMembers(mechanismId, "2025-04-01")).map((member) => member.institutionId)).toEqual(
          [police],
        )
        expect(reads).toBe(2)
      }),
  )

  it("property: the signatories joined with the members on the same day, in the signatories' order", () => {
    fc.assert(
      fc.property(
        institutions.chain((ids) => fc.tuple(memoranda(ids), memberships(ids), day)),
        ([versions, members, d]) => {
          const service = Mechanisms.fromData({ mechanisms: [mechanism], memberships: members, memoranda: versions })
          for (const id of [mechanismId, unknownMechanism]) {
            const together = Effect.runSync(service.signatoryMembers(id, d))
            expect(together).toEqual(Effect.runSync(joined(service, id, d)))
            expect(together.map((member) => member.institutionId)).toEqual(Effect.runSync(service.signatories(id, d)))
          }
        },
      ),
    )
  })
})
