import { Errors, type Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc, Option } from "effect"
import type * as Membership from "../src/Membership"
import * as Memorandum from "../src/Memorandum"
import { addDays, coordinator, day, institutions, memberships, memoranda } from "./support/Arbitraries"

const mechanismId = "01J9Z3K8V0M6YQ2R7T5W4X1B0M" as Id.MechanismId
const memorandumId = "01J9Z3K8V0M6YQ2R7T5W4X1B0N" as Id.MemorandumId
const police = "01J9Z3K8V0M6YQ2R7T5W4X1B0P" as Id.InstitutionId
const social = "01J9Z3K8V0M6YQ2R7T5W4X1B0Q" as Id.InstitutionId
const shelter = "01J9Z3K8V0M6YQ2R7T5W4X1B0R" as Id.InstitutionId
const m = (n: number) => `01J9Z3K8V0M6YQ2R7T5W4X1BM${n}` as Id.MembershipId

const version = (
  n: number,
  effectiveFrom: string,
  signatures: ReadonlyArray<readonly [Id.InstitutionId, string, (string | null)?]> = [],
  expectedSectors: Memorandum.MemorandumVersion["expectedSectors"] = ["police", "social-work", "shelter"],
): Memorandum.MemorandumVersion => ({
  memorandumId,
  mechanismId,
  version: n,
  effectiveFrom,
  documentHash: "0".repeat(64),
  expectedSectors,
  publishedAt: new Date("2025-01-01T00:00:00Z"),
  // Countersigned on the day of signing unless the entry names another day (or `null`: not countersigned).
  signatures: signatures.map(([institutionId, signedOn, countersignedOn], k) => ({
    membershipId: m(k),
    institutionId,
    signedOn,
    ...(countersignedOn === null
      ? {}
      : { countersignature: { countersignedOn: countersignedOn ?? signedOn, countersignedBy: coordinator } }),
  })),
})

const v1 = version(1, "2025-03-01", [
  [police, "2025-02-20"],
  [social, "2025-03-05"],
])
const v2 = version(2, "2026-01-01", [[social, "2025-12-15"]])

const membership = (
  id: Id.MembershipId,
  institutionId: Id.InstitutionId,
  sector: Membership.Membership["sector"],
  joinedOn: string,
  leftOn?: string,
): Membership.Membership => ({
  id,
  mechanismId,
  institutionId,
  sector,
  joinedOn,
  ...(leftOn === undefined ? {} : { leftOn }),
})

describe("inForce", () => {
  it("is none before the first version, then the latest version that has taken effect", () => {
    expect(Option.isNone(Memorandum.inForce([v1, v2], "2025-02-28"))).toBe(true)
    expect(Memorandum.inForce([v1, v2], "2025-03-01").pipe(Option.map((v) => v.version))).toEqual(Option.some(1))
    expect(Memorandum.inForce([v2, v1], "2025-12-31").pipe(Option.map((v) => v.version))).toEqual(Option.some(1))
    expect(Memorandum.inForce([v1, v2], "2026-01-01").pipe(Option.map((v) => v.version))).toEqual(Option.some(2))
  })

  it("property: exactly one version in force on any day from the first effective day on, none before", () => {
    fc.assert(
      fc.property(
        institutions.chain((ids) => fc.tuple(memoranda(ids), day)),
        ([versions, d]) => {
          const first = versions[0]!.effectiveFrom
          const covering = versions.filter(
            (v) => v.effectiveFrom <= d && !versions.some((w) => w.version > v.version && w.effectiveFrom <= d),
          )
          const found = Memorandum.inForce(versions, d)
          if (d < first) {
            expect(Option.isNone(found)).toBe(true)
            expect(covering).toHaveLength(0)
          } else {
            expect(covering).toHaveLength(1)
            expect(Option.getOrThrow(found).version).toBe(covering[0]!.version)
          }
        },
      ),
    )
  })
})

describe("isSignatory", () => {
  it("counts a signature from its day, for the version in force only", () => {
    expect(Memorandum.isSignatory([v1, v2], police, "2025-03-01")).toBe(true)
    expect(Memorandum.isSignatory([v1, v2], social, "2025-03-04")).toBe(false) // signs on the 5th
    expect(Memorandum.isSignatory([v1, v2], social, "2025-03-05")).toBe(true)
    // Version 2 is in force from 2026: police signed only version 1.
    expect(Memorandum.isSignatory([v1, v2], police, "2026-01-01")).toBe(false)
    // Social work signed version 2 before it took effect: it counts once it is in force.
    expect(Memorandum.isSignatory([v1, v2], social, "2026-01-01")).toBe(true)
    expect(Memorandum.isSignatory([v1, v2], shelter, "2025-06-01")).toBe(false)
    expect(Memorandum.isSignatory([], police, "2025-06-01")).toBe(false)
  })

  it("counts a signature only once it is countersigned, from the countersigning day", () => {
    const pending = version(1, "2025-03-01", [
      [police, "2025-02-20", null],
      [social, "2025-03-05", "2025-03-10"],
    ])
    // Recorded, never countersigned: the police is no signatory on any day.
    for (const d of ["2025-03-01", "2025-12-31", "2030-01-01"])
      expect(Memorandum.isSignatory([pending], police, d)).toBe(false)
    expect(Memorandum.isSignatory([pending], social, "2025-03-09")).toBe(false)
    expect(Memorandum.isSignatory([pending], social, "2025-03-10")).toBe(true)
    expect(Memorandum.signatories([pending], "2025-06-01")).toEqual([social])
    expect(
      Memorandum.compositionGaps(pending, [membership(m(1), police, "police", "2025-01-01")], "2025-06-01"),
    ).toEqual(["police", "social-work", "shelter"])
  })

  it("property: a signature counts exactly when it is on the version in force, and signed and countersigned not later than the day", () => {
    fc.assert(
      fc.property(
        institutions.chain((ids) => fc.tuple(memoranda(ids), fc.constantFrom(...ids), day)),
        ([versions, institution, d]) => {
          const expected = Option.match(Memorandum.inForce(versions, d), {
            onNone: () => false,
            onSome: (v) =>
              v.signatures.some(
                (s) =>
                  s.institutionId === institution &&
                  s.signedOn <= d &&
                  s.countersignature !== undefined &&
                  s.countersignature.countersignedOn <= d,
              ),
          })
          expect(Memorandum.isSignatory(versions, institution, d)).toBe(expected)
          // Signing every other version changes nothing.
          const current = Option.getOrUndefined(Memorandum.inForce(versions, d))
          const everywhere = versions.map((v) =>
            v === current
              ? v
              : {
                  ...v,
                  signatures: [
                    ...v.signatures,
                    {
                      membershipId: m(8),
                      institutionId: institution,
                      signedOn: d,
                      countersignature: { countersignedOn: d, countersignedBy: coordinator },
                    },
                  ],
                },
          )
          expect(Memorandum.isSignatory(everywhere, institution, d)).toBe(expected)
        },
      ),
    )
  })

  it("property: signatories are exactly the institutions for which isSignatory holds", () => {
    fc.assert(
      fc.property(
        institutions.chain((ids) => fc.tuple(memoranda(ids), fc.constant(ids), day)),
        ([versions, ids, d]) => {
          const signatories = Memorandum.signatories(versions, d)
          expect(new Set(signatories).size).toBe(signatories.length)
          for (const id of ids) expect(signatories.includes(id)).toBe(Memorandum.isSignatory(versions, id, d))
        },
      ),
    )
  })
})

describe("compositionGaps", () => {
  const members = [
    membership(m(1), police, "police", "2025-01-01"),
    membership(m(2), social, "social-work", "2025-01-01", "2025-06-01"),
    membership(m(3), shelter, "shelter", "2025-01-01"),
  ]

  it("lists the expected sectors that no current signatory covers", () => {
    // Shelter is a member but did not sign; social work signed on the 5th.
    expect(Memorandum.compositionGaps(v1, members, "2025-03-01")).toEqual(["social-work", "shelter"])
    expect(Memorandum.compositionGaps(v1, members, "2025-03-05")).toEqual(["shelter"])
    // Social work left on 1 June: its signature no longer covers a sector.
    expect(Memorandum.compositionGaps(v1, members, "2025-06-01")).toEqual(["social-work", "shelter"])
  })

  it("property: the gaps are the expected sectors minus those of signatory members, in order", () => {
    fc.assert(
      fc.property(
        institutions.chain((ids) => fc.tuple(memoranda(ids), memberships(ids), day)),
        ([versions, members, d]) => {
          const v = versions[versions.length - 1]!
          const gaps = Memorandum.compositionGaps(v, members, d)
          const covered = members
            .filter((x) => x.joinedOn <= d && (x.leftOn === undefined || d < x.leftOn))
            .filter((x) =>
              v.signatures.some(
                (s) =>
                  s.institutionId === x.institutionId &&
                  s.signedOn <= d &&
                  (s.countersignature?.countersignedOn ?? "9999-12-31") <= d,
              ),
            )
            .map((x) => x.sector)
          expect(gaps).toEqual(v.expectedSectors.filter((s) => !covered.includes(s)))
        },
      ),
    )
  })
})

describe("checkNewVersion", () => {
  it("accepts only an effective day after every published one", () => {
    expect(Either.isRight(Memorandum.checkNewVersion([], "2025-01-01"))).toBe(true)
    expect(Either.isRight(Memorandum.checkNewVersion([v1, v2], "2026-01-02"))).toBe(true)
    expect(Memorandum.checkNewVersion([v1, v2], "2026-01-01")).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "effectiveFrom", rule: "mechanism.memorandum.effective-not-after-previous" }),
      ),
    )
  })

  it("property: publishing only accepted versions keeps exactly one version in force from the first day on", () => {
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 10 }), day, (days, probe) => {
        const published: Array<Memorandum.MemorandumVersion> = []
        for (const d of days)
          if (Either.isRight(Memorandum.checkNewVersion(published, d))) published.push(version(published.length + 1, d))
        const first = published[0]!.effectiveFrom
        const inForce = Memorandum.inForce(published, probe)
        expect(Option.isSome(inForce)).toBe(probe >= first)
        const effective = published.map((v) => v.effectiveFrom)
        expect([...effective].sort()).toEqual(effective)
        expect(new Set(effective).size).toBe(effective.length)
      }),
    )
  })
})

describe("checkSignature", () => {
  const members = [membership(m(1), police, "police", "2025-01-01"), membership(m(3), shelter, "shelter", "2025-05-01")]
  const base = { memoranda: [v1, v2], memberships: members, memorandumId, today: "2026-03-01" }

  it("accepts a member that has not signed yet and returns its membership", () => {
    const result = Memorandum.checkSignature({ ...base, version: 1, institutionId: shelter, signedOn: "2025-05-02" })
    expect(Either.getOrThrow(result).membership.id).toBe(m(3))
  })

  it("refuses with the rule that names the problem", () => {
    const rule = (input: Partial<Parameters<typeof Memorandum.checkSignature>[0]>) =>
      Either.match(
        Memorandum.checkSignature({ ...base, version: 1, institutionId: shelter, signedOn: "2025-05-02", ...input }),
        {
          onLeft: (error) => ("rule" in error ? error.rule : error._tag),
          onRight: () => "ok",
        },
      )
    expect(rule({ version: 9 })).toBe("NotFound")
    expect(rule({ signedOn: "2026-03-02" })).toBe("mechanism.memorandum.signed-in-future")
    expect(rule({ signedOn: "2026-01-01" })).toBe("mechanism.memorandum.version-superseded")
    expect(rule({ signedOn: "2025-04-30" })).toBe("mechanism.memorandum.signer-not-member")
    expect(rule({ institutionId: social, signedOn: "2025-05-02" })).toBe("mechanism.memorandum.signer-not-member")
    expect(rule({ institutionId: police, signedOn: "2025-05-02" })).toBe("mechanism.memorandum.already-signed")
    expect(rule({ version: 2, institutionId: police, signedOn: "2026-02-01" })).toBe("ok")
  })

  it("property: an accepted signature alone changes no one's standing; countersigned, it makes the signer a signatory from the countersigning day on every day its version is in force", () => {
    fc.assert(
      fc.property(
        institutions.chain((ids) =>
          fc.tuple(
            memoranda(ids),
            memberships(ids),
            fc.constantFrom(...ids),
            day,
            fc.integer({ min: 0, max: 400 }),
            day,
          ),
        ),
        ([versions, members, institution, signedOn, wait, probe]) => {
          const target = versions[0]!
          const result = Memorandum.checkSignature({
            memoranda: versions,
            memberships: members,
            memorandumId,
            version: target.version,
            institutionId: institution,
            signedOn,
            today: "2199-12-31",
          })
          if (Either.isLeft(result)) return
          const signature = { membershipId: m(9), institutionId: institution, signedOn }
          const signed = versions.map((v) => (v === target ? { ...v, signatures: [...v.signatures, signature] } : v))
          // Recorded only: nothing changes for anyone.
          for (const v of versions)
            for (const s of v.signatures)
              expect(Memorandum.isSignatory(signed, s.institutionId, probe)).toBe(
                Memorandum.isSignatory(versions, s.institutionId, probe),
              )
          expect(Memorandum.isSignatory(signed, institution, probe)).toBe(
            Memorandum.isSignatory(versions, institution, probe),
          )
          const countersignedOn = addDays(signedOn, wait)
          const countersigned = Memorandum.checkCountersignature({
            memoranda: signed,
            memorandumId,
            version: target.version,
            institutionId: institution,
            countersignature: { countersignedOn, countersignedBy: coordinator },
            today: "2199-12-31",
          })
          const after = signed.map((v) =>
            v === signed[0]
              ? {
                  ...v,
                  signatures: v.signatures.map((s) =>
                    s === signature ? Either.getOrThrow(countersigned).signature : s,
                  ),
                }
              : v,
          )
          const inForce = Memorandum.inForce(after, probe)
          const onTarget = Option.isSome(inForce) && inForce.value.version === target.version
          if (onTarget) expect(Memorandum.isSignatory(after, institution, probe)).toBe(probe >= countersignedOn)
          else
            expect(Memorandum.isSignatory(after, institution, probe)).toBe(
              Memorandum.isSignatory(versions, institution, probe),
            )
        },
      ),
    )
  })
})

describe("checkCountersignature", () => {
  const pending = version(1, "2025-03-01", [
    [police, "2025-02-20", null],
    [social, "2025-03-05"],
  ])
  const base = {
    memoranda: [pending],
    memorandumId,
    version: 1,
    institutionId: police,
    countersignature: { countersignedOn: "2025-03-02", countersignedBy: coordinator },
    today: "2025-06-01",
  }
  const rule = (input: Partial<Parameters<typeof Memorandum.checkCountersignature>[0]>) =>
    Either.match(Memorandum.checkCountersignature({ ...base, ...input }), {
      onLeft: (error) => ("rule" in error ? error.rule : `${error._tag}:${"entity" in error ? error.entity : ""}`),
      onRight: ({ signature }) => signature.countersignature?.countersignedOn ?? "none",
    })

  it("countersigns a recorded signature, and refuses with the rule that names the problem", () => {
    expect(rule({})).toBe("2025-03-02")
    expect(rule({ version: 2 })).toBe("NotFound:MemorandumVersion")
    expect(rule({ institutionId: shelter })).toBe("NotFound:MemorandumSignature")
    expect(rule({ institutionId: social })).toBe("mechanism.memorandum.already-countersigned")
    expect(rule({ countersignature: { countersignedOn: "2025-06-02", countersignedBy: coordinator } })).toBe(
      "mechanism.memorandum.countersigned-in-future",
    )
    expect(rule({ countersignature: { countersignedOn: "2025-02-19", countersignedBy: coordinator } })).toBe(
      "mechanism.memorandum.countersigned-before-signed",
    )
  })
})
