import { Errors, Id, type Principal, type Sector } from "@bashke/kernel"
import { AccessPolicy } from "@bashke/security"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as Case from "../../src/Case"
import * as Consent from "../../src/Consent"
import { aCase, ids, institutions, mechanismMembers } from "./Fixtures"

const given = new Date("2026-03-02T10:00:00Z")
const recorder = Id.ulidAt(1_767_225_600_000, new Uint8Array(10).fill(3)) as Id.PrincipalId
const colleague = Id.ulidAt(1_767_225_600_000, new Uint8Array(10).fill(4)) as Id.PrincipalId
const consent = (overrides: Partial<Consent.Consent> = {}): Consent.Consent => ({
  id: ids.consent(1),
  givenBy: ids.victim,
  institutions: [institutions.police],
  sectors: ["social-work"],
  purposes: ["case-management", "referral"],
  from: given,
  recording: {
    method: "signed-form",
    takenBy: institutions.police,
    recordedBy: recorder,
    recordedFor: institutions.police,
  },
  needsConfirmation: false,
  ...overrides,
})

const worker = (institution: Id.InstitutionId, sector: Sector.Sector): Principal.Principal => ({
  id: Id.ulidAt(1_767_225_600_000, new Uint8Array(10).fill(7)) as Id.PrincipalId,
  kind: "user",
  roles: ["case-worker"],
  institution,
  sector,
  mechanisms: [ids.mechanism],
})

describe("Consent", () => {
  it("refuses a consent naming an institution that is not a member of the mechanism", () => {
    const stranger = consent({ institutions: [institutions.police, institutions.outsider] })
    expect(Consent.validate(stranger, 0, mechanismMembers)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "consents.0.institutions.1", rule: "case.consent.non-member" })),
    )
    expect(Consent.validate(consent({ institutions: [], sectors: [] }), 1, mechanismMembers)).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "consents.1.institutions", rule: "case.consent.recipients-required" }),
      ),
    )
    expect(Consent.validate(consent({ until: given }), 0, mechanismMembers)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "consents.0.until", rule: "case.consent.dates.out-of-order" })),
    )
    expect(Consent.validate(consent(), 0, mechanismMembers)).toEqual(Either.right(consent()))
  })

  it("records how it was given: a verbal consent names its witness, who is not the recorder", () => {
    const verbal = (witnessedBy?: Id.PrincipalId) =>
      consent({
        recording: {
          method: "verbal-witnessed",
          takenBy: institutions.police,
          recordedBy: recorder,
          recordedFor: institutions.police,
          ...(witnessedBy === undefined ? {} : { witnessedBy }),
        },
      })
    expect(Consent.validate(verbal(), 0, mechanismMembers)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "consents.0.witnessedBy", rule: "case.consent.witness-required" })),
    )
    expect(Consent.validate(verbal(recorder), 0, mechanismMembers)).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "consents.0.witnessedBy", rule: "case.consent.witness-is-recorder" }),
      ),
    )
    expect(Either.isRight(Consent.validate(verbal(colleague), 0, mechanismMembers))).toBe(true)
    const takenElsewhere = consent({
      recording: {
        method: "signed-form",
        takenBy: institutions.outsider,
        recordedBy: recorder,
        recordedFor: institutions.police,
      },
    })
    expect(Consent.validate(takenElsewhere, 0, mechanismMembers)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "consents.0.takenBy", rule: "case.consent.taken-by.non-member" })),
    )
  })

  it("widens an institution's access when it names the institution or its sector", () => {
    expect(Consent.widensAccessOf(consent(), institutions.police, "police")).toBe(true)
    expect(Consent.widensAccessOf(consent({ institutions: [] }), institutions.socialWork, "social-work")).toBe(true)
    expect(Consent.widensAccessOf(consent({ institutions: [], sectors: [] }), institutions.police, "police")).toBe(
      false,
    )
    expect(Consent.widensAccessOf(consent(), institutions.shelter, "shelter")).toBe(false)
    expect(Consent.widensAccessOf(consent({ institutions: [] }), institutions.police, undefined)).toBe(false)
  })

  it("counts once confirmed when it needed a confirmation, and is confirmed once", () => {
    const pending = consent({ needsConfirmation: true })
    expect(Consent.counts(pending)).toBe(false)
    const confirmation = { confirmedBy: colleague, confirmedFor: institutions.socialWork, confirmedAt: given }
    const confirmed = Either.getOrThrow(Consent.confirm(pending, confirmation))
    expect(Consent.counts(confirmed)).toBe(true)
    const rule = (c: Consent.Consent) =>
      Either.match(Consent.confirm(c, confirmation), { onLeft: (e) => e.rule, onRight: () => "ok" })
    expect(rule(confirmed)).toBe("case.consent.already-confirmed")
    expect(rule(consent())).toBe("case.consent.confirmation-not-needed")
    expect(rule(consent({ needsConfirmation: true, withdrawnAt: given }))).toBe("case.consent.already-withdrawn")
  })

  it("property: an unconfirmed consent never opens anything; confirmed, it opens what it covers", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Consent.ConsentPurpose>("case-management", "referral", "case-conference"),
        fc.integer({ min: 0, max: 100_000 }),
        (purpose, minutes) => {
          const at = new Date(given.getTime() + minutes * 60_000)
          const read = (c: Consent.Consent) =>
            AccessPolicy.decide(
              worker(institutions.police, "police"),
              "case.personal.read",
              Case.toPolicyResource(aCase({ consents: [c] }), { signatories: [...mechanismMembers], purpose }),
              at,
            )._tag
          const covering = consent({ purposes: [purpose], needsConfirmation: true })
          expect(read(covering)).toBe("Deny")
          const confirmed = Either.getOrThrow(Consent.confirm(covering, { confirmedBy: colleague, confirmedAt: given }))
          expect(read(confirmed)).toBe("Allow")
        },
      ),
    )
  })

  it("is withdrawn once", () => {
    const withdrawn = Either.getOrThrow(Consent.withdraw(consent(), new Date("2026-04-01T08:00:00Z")))
    expect(withdrawn.withdrawnAt).toEqual(new Date("2026-04-01T08:00:00Z"))
    expect(Consent.withdraw(withdrawn, new Date("2026-05-01T08:00:00Z"))).toEqual(
      Either.left(
        new Errors.Conflict({ entity: "Consent", id: ids.consent(1), rule: "case.consent.already-withdrawn" }),
      ),
    )
  })

  it("maps onto the access policy's consent with one function", () => {
    const policy = Consent.toPolicyConsent(consent({ until: new Date("2027-01-01T00:00:00Z") }))
    expect(policy).toEqual({
      institutions: [institutions.police],
      sectors: ["social-work"],
      purposes: ["case-management", "referral"],
      from: given,
      until: new Date("2027-01-01T00:00:00Z"),
    })
    expect(AccessPolicy.inForce(policy, new Date("2026-06-01T00:00:00Z"))).toBe(true)
  })

  it("property: withdrawal takes effect at once for every later read, and not before", () => {
    const minute = 60_000
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: -50_000, max: 50_000 }), (after, offset) => {
        const withdrawnAt = new Date(given.getTime() + after * minute)
        const readAt = new Date(withdrawnAt.getTime() + offset * minute)
        const c = Either.getOrThrow(Consent.withdraw(consent(), withdrawnAt))
        const resource = Case.toPolicyResource(aCase({ consents: [c] }), {
          signatories: [...mechanismMembers],
          purpose: "referral",
        })
        const decision = AccessPolicy.decide(
          worker(institutions.police, "police"),
          "case.personal.read",
          resource,
          readAt,
        )
        const expectAllowed = readAt.getTime() >= given.getTime() && readAt.getTime() < withdrawnAt.getTime()
        expect(decision._tag).toBe(expectAllowed ? "Allow" : "Deny")
        expect(Consent.inForce(c, readAt)).toBe(expectAllowed)
        expect(AccessPolicy.inForce(Consent.toPolicyConsent(c), readAt)).toBe(Consent.inForce(c, readAt))
      }),
    )
  })
})
