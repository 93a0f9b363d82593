import { Errors, type Id, Principal, type Sector } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import * as fc from "fast-check"
import { AccessPolicy, type Purpose } from "../src"

const day = 24 * 60 * 60 * 1000
const at = new Date("2026-06-15T10:00:00.000Z")
const shift = (ms: number) => new Date(at.getTime() + ms)

const inst = (n: number) => `01JBBBBBBBBBBBBBBBBBBBBB${String(n).padStart(2, "0")}` as Id.InstitutionId
const police = inst(1)
const socialWork = inst(2)
const shelter = inst(3)
const mechanism = "01JCCCCCCCCCCCCCCCCCCCCCC1" as Id.MechanismId
const otherMechanism = "01JCCCCCCCCCCCCCCCCCCCCCC2" as Id.MechanismId
const caseId = "01JDDDDDDDDDDDDDDDDDDDDDD1" as Id.CaseId

const principal = (
  roles: ReadonlyArray<Principal.Role>,
  institution: Id.InstitutionId | undefined = police,
  sector: Sector.Sector | undefined = "police",
): Principal.Principal => ({
  id: "01JAAAAAAAAAAAAAAAAAAAAAA1" as Principal.Principal["id"],
  kind: "user",
  ...(institution === undefined ? {} : { institution }),
  ...(sector === undefined ? {} : { sector }),
  roles: [...roles],
  mechanisms: [mechanism],
})

const consent = (overrides: Partial<AccessPolicy.Consent> = {}): AccessPolicy.Consent => ({
  institutions: [police],
  sectors: [],
  purposes: ["case-management"],
  from: shift(-10 * day),
  ...overrides,
})

const consents = {
  none: [],
  "in force": [consent()],
  "in force by sector": [consent({ institutions: [], sectors: ["police"] })],
  "not yet in force": [consent({ from: shift(day) })],
  expired: [consent({ from: shift(-30 * day), until: shift(-day) })],
  withdrawn: [consent({ withdrawnAt: shift(-60 * 60 * 1000) })],
  "other institution": [consent({ institutions: [socialWork], sectors: ["social-work"] })],
  "other purpose": [consent({ purposes: ["referral"] })],
} satisfies Record<string, ReadonlyArray<AccessPolicy.Consent>>
type ConsentCase = keyof typeof consents

const caseResource = (options: {
  readonly onTeam: boolean
  readonly access: AccessPolicy.Access
  readonly consent: ConsentCase
  readonly signatory: boolean
  readonly purpose?: Purpose.Purpose
  readonly breakGlassReason?: string
}): AccessPolicy.CaseResource => ({
  _tag: "Case",
  caseId,
  mechanismId: mechanism,
  leadInstitution: socialWork,
  team: [
    { institution: socialWork, access: "full" },
    ...(options.onTeam ? [{ institution: police, access: options.access }] : []),
  ],
  consents: consents[options.consent],
  signatories: options.signatory ? [police, socialWork, shelter] : [socialWork, shelter],
  ...(options.purpose === undefined ? {} : { purpose: options.purpose }),
  ...(options.breakGlassReason === undefined ? {} : { breakGlassReason: options.breakGlassReason }),
})

// The table's expectations, written as the rules read in the issue (one line
// each), not as the implementation computes them.
const expectedPersonalRead = (
  role: Principal.Role,
  onTeam: boolean,
  access: AccessPolicy.Access,
  consentCase: ConsentCase,
  signatory: boolean,
): string => {
  if (role === "national-coordinator") return "Deny policy.national.aggregates-only"
  if (role === "auditor") return "Deny policy.auditor.audit-only"
  if (role === "administrator") return "Deny policy.role.not-permitted"
  if (!signatory) return "Deny policy.memorandum.not-signatory"
  if (!onTeam) return "Deny policy.case-team.not-member"
  if (access === "summary") return "Deny policy.access.summary-only"
  switch (consentCase) {
    case "in force":
    case "in force by sector":
      return "Allow policy.allow.consent"
    case "withdrawn":
      return "Deny policy.consent.withdrawn"
    case "expired":
    case "not yet in force":
      return "Deny policy.consent.not-in-force"
    default:
      return "Deny policy.consent.not-covered"
  }
}

const expectedSummaryRead = (role: Principal.Role, onTeam: boolean, signatory: boolean): string => {
  if (role === "national-coordinator") return "Deny policy.national.aggregates-only"
  if (role === "auditor") return "Deny policy.auditor.audit-only"
  if (role === "administrator") return "Deny policy.role.not-permitted"
  if (!signatory) return "Deny policy.memorandum.not-signatory"
  if (!onTeam) return "Deny policy.case-team.not-member"
  return "Allow policy.allow.case-team"
}

const show = (decision: AccessPolicy.Decision): string =>
  decision._tag === "Allow"
    ? `Allow ${decision.reason}${decision.breakGlass ? " (break-glass)" : ""}`
    : `Deny ${decision.rule}`

const roles = Principal.roles
const teams = [true, false] as const
const accesses = ["full", "summary"] as const
const signatories = [true, false] as const
const consentCases = Object.keys(consents) as Array<ConsentCase>

const personalRows = roles.flatMap((role) =>
  teams.flatMap((onTeam) =>
    accesses.flatMap((access) =>
      consentCases.flatMap((consentCase) =>
        signatories.map((signatory) => ({
          role,
          onTeam,
          access,
          consentCase,
          signatory,
          expected: expectedPersonalRead(role, onTeam, access, consentCase, signatory),
        })),
      ),
    ),
  ),
)

describe("AccessPolicy.decide", () => {
  describe("case.personal.read: roles × team × access × consent × memorandum", () => {
    it.each(personalRows)(
      "$role · on team $onTeam · $access · consent $consentCase · signatory $signatory → $expected",
      ({ role, onTeam, access, consentCase, signatory, expected }) => {
        const resource = caseResource({ onTeam, access, consent: consentCase, signatory, purpose: "case-management" })
        expect(show(AccessPolicy.decide(principal([role]), "case.personal.read", resource, at))).toBe(expected)
        // Writing personal data follows the same rules.
        expect(show(AccessPolicy.decide(principal([role]), "case.personal.write", resource, at))).toBe(expected)
      },
    )
  })

  describe("case.summary.read: any team member, whatever the access and consent", () => {
    const rows = roles.flatMap((role) =>
      teams.flatMap((onTeam) =>
        accesses.flatMap((access) =>
          signatories.map((signatory) => ({
            role,
            onTeam,
            access,
            signatory,
            expected: expectedSummaryRead(role, onTeam, signatory),
          })),
        ),
      ),
    )
    it.each(rows)(
      "$role · on team $onTeam · $access · signatory $signatory → $expected",
      ({ role, onTeam, access, signatory, expected }) => {
        const resource = caseResource({ onTeam, access, consent: "none", signatory })
        expect(show(AccessPolicy.decide(principal([role]), "case.summary.read", resource, at))).toBe(expected)
      },
    )
  })

  it("a personal read without a purpose is refused for the missing purpose", () => {
    const resource = caseResource({ onTeam: true, access: "full", consent: "in force", signatory: true })
    expect(AccessPolicy.decide(principal(["case-worker"]), "case.personal.read", resource, at)).toEqual({
      _tag: "Deny",
      rule: "policy.purpose.required",
    })
  })

  it("consent covers the purpose asked for, not another", () => {
    const resource = caseResource({
      onTeam: true,
      access: "full",
      consent: "in force",
      signatory: true,
      purpose: "referral",
    })
    expect(show(AccessPolicy.decide(principal(["case-worker"]), "case.personal.read", resource, at))).toBe(
      "Deny policy.consent.not-covered",
    )
  })

  it("a consent is in force from `from` up to, not including, `until` and `withdrawnAt`", () => {
    const bounded = consent({ from: at, until: shift(day), withdrawnAt: shift(2 * day) })
    expect(AccessPolicy.inForce(bounded, at)).toBe(true)
    expect(AccessPolicy.inForce(bounded, shift(-1))).toBe(false)
    expect(AccessPolicy.inForce(bounded, shift(day - 1))).toBe(true)
    expect(AccessPolicy.inForce(bounded, shift(day))).toBe(false)
    const withdrawn = consent({ withdrawnAt: at })
    expect(AccessPolicy.inForce(withdrawn, shift(-1))).toBe(true)
    expect(AccessPolicy.inForce(withdrawn, at)).toBe(false)
  })

  it("a principal outside the case's mechanism is refused", () => {
    const resource = caseResource({ onTeam: true, access: "full", consent: "in force", signatory: true })
    const outsider = { ...principal(["case-worker"]), mechanisms: [otherMechanism] }
    expect(show(AccessPolicy.decide(outsider, "case.summary.read", resource, at))).toBe(
      "Deny policy.mechanism.not-member",
    )
  })

  it("case.write: any team member; case.create: a coordinator or case worker of a signatory", () => {
    const summaryMember = caseResource({ onTeam: true, access: "summary", consent: "none", signatory: true })
    expect(show(AccessPolicy.decide(principal(["case-worker"]), "case.write", summaryMember, at))).toBe(
      "Allow policy.allow.case-team",
    )
    const mechanismResource: AccessPolicy.MechanismResource = {
      _tag: "Mechanism",
      mechanismId: mechanism,
      signatories: [police],
    }
    expect(show(AccessPolicy.decide(principal(["case-worker"]), "case.create", mechanismResource, at))).toBe(
      "Allow policy.allow.case-create",
    )
    expect(show(AccessPolicy.decide(principal(["member-representative"]), "case.create", mechanismResource, at))).toBe(
      "Deny policy.role.not-permitted",
    )
    expect(
      show(
        AccessPolicy.decide(principal(["coordinator"]), "case.create", { ...mechanismResource, signatories: [] }, at),
      ),
    ).toBe("Deny policy.memorandum.not-signatory")
  })

  describe("break-glass.read", () => {
    const reason = "Police called at night; the victim is in hospital."
    const cases: ReadonlyArray<[string, Principal.Principal, AccessPolicy.CaseResource, string]> = [
      [
        "a summary-access team member with a reason: allowed, flagged",
        principal(["case-worker"]),
        caseResource({ onTeam: true, access: "summary", consent: "none", signatory: true, breakGlassReason: reason }),
        "Allow policy.allow.break-glass (break-glass)",
      ],
      [
        "the coordinator, off the team, with a reason: allowed, flagged",
        principal(["coordinator"], shelter, "municipality"),
        caseResource({
          onTeam: false,
          access: "full",
          consent: "withdrawn",
          signatory: true,
          breakGlassReason: reason,
        }),
        "Allow policy.allow.break-glass (break-glass)",
      ],
      [
        "a team member without a reason",
        principal(["case-worker"]),
        caseResource({ onTeam: true, access: "full", consent: "none", signatory: true }),
        "Deny policy.break-glass.reason-required",
      ],
      [
        "a team member with a blank reason",
        principal(["case-worker"]),
        caseResource({ onTeam: true, access: "full", consent: "none", signatory: true, breakGlassReason: "  \n " }),
        "Deny policy.break-glass.reason-required",
      ],
      [
        "a case worker off the team",
        principal(["case-worker"]),
        caseResource({ onTeam: false, access: "full", consent: "in force", signatory: true, breakGlassReason: reason }),
        "Deny policy.break-glass.not-permitted",
      ],
      [
        "a team member of an institution that did not sign",
        principal(["case-worker"]),
        caseResource({ onTeam: true, access: "full", consent: "none", signatory: false, breakGlassReason: reason }),
        "Deny policy.memorandum.not-signatory",
      ],
      [
        "the national coordinator",
        principal(["national-coordinator"], undefined, undefined),
        caseResource({ onTeam: true, access: "full", consent: "none", signatory: true, breakGlassReason: reason }),
        "Deny policy.national.aggregates-only",
      ],
    ]
    it.each(cases)("%s", (_, who, resource, expected) => {
      expect(show(AccessPolicy.decide(who, "break-glass.read", resource, at))).toBe(expected)
    })
  })

  describe("aggregates and the audit log", () => {
    const national: AccessPolicy.NationalResource = { _tag: "National" }
    const local: AccessPolicy.MechanismResource = { _tag: "Mechanism", mechanismId: mechanism, signatories: [police] }
    const rows: ReadonlyArray<[Principal.Role, AccessPolicy.Action, AccessPolicy.Resource, string]> = [
      ["national-coordinator", "statistics.read", national, "Allow policy.allow.statistics"],
      ["national-coordinator", "statistics.read", local, "Allow policy.allow.statistics"],
      ["national-coordinator", "audit.read", national, "Deny policy.national.aggregates-only"],
      ["coordinator", "statistics.read", local, "Allow policy.allow.statistics"],
      ["coordinator", "statistics.read", national, "Deny policy.statistics.scope"],
      ["member-representative", "statistics.read", local, "Allow policy.allow.statistics"],
      ["case-worker", "statistics.read", local, "Deny policy.statistics.scope"],
      ["auditor", "audit.read", national, "Allow policy.allow.auditor"],
      ["auditor", "statistics.read", national, "Deny policy.auditor.audit-only"],
      ["coordinator", "audit.read", national, "Deny policy.audit.auditor-only"],
      ["administrator", "audit.read", national, "Deny policy.audit.auditor-only"],
      ["administrator", "statistics.read", national, "Deny policy.statistics.scope"],
      ["case-worker", "case.summary.read", national, "Deny policy.resource.mismatch"],
      ["case-worker", "case.create", national, "Deny policy.resource.mismatch"],
    ]
    it.each(rows)("%s · %s on %o → %s", (role, action, resource, expected) => {
      expect(show(AccessPolicy.decide(principal([role]), action, resource, at))).toBe(expected)
    })
  })

  it("a national role never opens a case, even combined with an institutional role", () => {
    const resource = caseResource({
      onTeam: true,
      access: "full",
      consent: "in force",
      signatory: true,
      purpose: "case-management",
    })
    for (const action of AccessPolicy.caseActions) {
      expect(show(AccessPolicy.decide(principal(["national-coordinator", "case-worker"]), action, resource, at))).toBe(
        "Deny policy.national.aggregates-only",
      )
    }
  })
})

// Random scenarios, biased towards the ones that matter: most principals hold
// an institutional role in the case's mechanism, most institutions signed, and
// most cases carry a consent for the principal's institution and the purpose
// asked for, in force around the time of the request. Then being on the team
// is what decides, and the properties below see many allows and many denials.
const pool = [police, socialWork, shelter, inst(4), inst(5)]
const sectors: ReadonlyArray<Sector.Sector> = ["police", "social-work", "shelter", "health", "municipality"]
const personalPurposes: ReadonlyArray<Purpose.Purpose> = ["case-management", "referral", "case-conference"]
const dateArb = fc.date({
  min: new Date("2025-01-01T00:00:00Z"),
  max: new Date("2027-12-31T00:00:00Z"),
  noInvalidDate: true,
})
const offsetArb = fc.integer({ min: -60 * day, max: 60 * day })
const institutionalRoles: ReadonlyArray<Principal.Role> = ["coordinator", "case-worker", "member-representative"]

const principalArb: fc.Arbitrary<Principal.Principal> = fc
  .record({
    institution: fc.option(fc.constantFrom(...pool), { nil: undefined, freq: 10 }),
    sector: fc.option(fc.constantFrom(...sectors), { nil: undefined }),
    roles: fc.oneof(
      { arbitrary: fc.constantFrom(...institutionalRoles).map((role) => [role]), weight: 4 },
      { arbitrary: fc.subarray([...Principal.roles], { minLength: 1 }), weight: 1 },
    ),
    mechanisms: fc.oneof(
      { arbitrary: fc.constant([mechanism]), weight: 4 },
      { arbitrary: fc.subarray([mechanism, otherMechanism]), weight: 1 },
    ),
  })
  .map(({ institution, sector, roles, mechanisms }) => ({
    id: "01JAAAAAAAAAAAAAAAAAAAAAA1" as Principal.Principal["id"],
    kind: "user" as const,
    ...(institution === undefined ? {} : { institution }),
    ...(sector === undefined ? {} : { sector }),
    roles,
    mechanisms,
  }))

const consentArb = (when: Date, favoured: ReadonlyArray<Id.InstitutionId>): fc.Arbitrary<AccessPolicy.Consent> =>
  fc
    .record({
      institutions: fc.oneof(fc.constant([...favoured]), fc.subarray(pool)),
      sectors: fc.subarray([...sectors]),
      purposes: fc.oneof(fc.constant([...personalPurposes]), fc.subarray([...personalPurposes])),
      from: fc.integer({ min: -60 * day, max: 5 * day }),
      until: fc.option(offsetArb, { nil: undefined }),
      withdrawnAt: fc.option(offsetArb, { nil: undefined, freq: 3 }),
    })
    .map(({ from, until, withdrawnAt, ...rest }) => ({
      ...rest,
      from: new Date(when.getTime() + from),
      ...(until === undefined ? {} : { until: new Date(when.getTime() + until) }),
      ...(withdrawnAt === undefined ? {} : { withdrawnAt: new Date(when.getTime() + withdrawnAt) }),
    }))

const scenarioArb = fc.tuple(dateArb, principalArb).chain(([when, who]) => {
  const own = who.institution === undefined ? [] : [who.institution]
  return fc
    .record({
      team: fc.uniqueArray(
        fc.record({
          institution: fc.constantFrom(...pool),
          access: fc.constantFrom<AccessPolicy.Access>("full", "full", "summary"),
        }),
        { selector: (member) => member.institution, maxLength: 4 },
      ),
      consents: fc.array(consentArb(when, own), { maxLength: 3 }),
      signatories: fc.oneof(
        { arbitrary: fc.subarray(pool).map((some) => [...new Set([...own, ...some])]), weight: 4 },
        { arbitrary: fc.subarray(pool), weight: 1 },
      ),
      purpose: fc.option(fc.constantFrom(...personalPurposes), { nil: undefined, freq: 8 }),
      breakGlassReason: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    })
    .map(({ purpose, breakGlassReason, ...rest }) => {
      const resource: AccessPolicy.CaseResource = {
        _tag: "Case",
        caseId,
        mechanismId: mechanism,
        leadInstitution: socialWork,
        ...rest,
        ...(purpose === undefined ? {} : { purpose }),
        ...(breakGlassReason === undefined ? {} : { breakGlassReason }),
      }
      return { when, who, resource }
    })
})
const actionArb = fc.constantFrom(...AccessPolicy.caseActions)
const onTeam = (who: Principal.Principal, resource: AccessPolicy.CaseResource) =>
  resource.team.some((member) => member.institution === who.institution)

describe("AccessPolicy properties", () => {
  it("no principal outside the case team ever receives personal data; break-glass is always flagged", () => {
    const seen = { allowedPersonal: 0, offTeamAsking: 0 }
    fc.assert(
      fc.property(scenarioArb, actionArb, ({ who, resource, when }, action) => {
        const decision = AccessPolicy.decide(who, action, resource, when)
        if (action === "break-glass.read") {
          if (decision._tag === "Allow") expect(decision.breakGlass).toBe(true)
          return
        }
        if (decision._tag === "Allow") expect(decision.breakGlass).toBe(false)
        if (!onTeam(who, resource)) {
          seen.offTeamAsking += 1
          expect(decision._tag).toBe("Deny")
        }
        if ((action === "case.personal.read" || action === "case.personal.write") && decision._tag === "Allow") {
          seen.allowedPersonal += 1
          const member = resource.team.find((m) => m.institution === who.institution)
          expect(member?.access).toBe("full")
          expect(resource.signatories).toContain(who.institution)
          expect(resource.consents.some((c) => AccessPolicy.inForce(c, when))).toBe(true)
        }
      }),
      { numRuns: 5000 },
    )
    // The generator reaches both sides of the rule, or the property proves little.
    expect(seen.allowedPersonal).toBeGreaterThan(40)
    expect(seen.offTeamAsking).toBeGreaterThan(500)
  })

  it("off the team, the same request that a team member would get is denied", () => {
    fc.assert(
      fc.property(scenarioArb, ({ who, resource, when }) => {
        if (who.institution === undefined) return
        const without = { ...resource, team: resource.team.filter((m) => m.institution !== who.institution) }
        for (const action of [
          "case.summary.read",
          "case.personal.read",
          "case.write",
          "case.personal.write",
        ] as const) {
          expect(AccessPolicy.decide(who, action, without, when)._tag).toBe("Deny")
        }
      }),
      { numRuns: 3000 },
    )
  })

  it("a withdrawal at t denies every personal read and write at any t' ≥ t", () => {
    let allowedBefore = 0
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: -30 * day, max: 30 * day }),
        fc.oneof(fc.constant(0), fc.nat({ max: 400 * day })),
        (scenario, shiftT, later) => {
          const { who, resource, when } = scenario
          const t = new Date(when.getTime() + shiftT)
          if (AccessPolicy.decide(who, "case.personal.read", resource, t)._tag === "Allow") allowedBefore += 1
          const withdrawn: AccessPolicy.CaseResource = {
            ...resource,
            consents: resource.consents.map((c) => ({
              ...c,
              withdrawnAt: c.withdrawnAt !== undefined && c.withdrawnAt < t ? c.withdrawnAt : t,
            })),
          }
          const after = new Date(t.getTime() + later)
          expect(AccessPolicy.decide(who, "case.personal.read", withdrawn, after)._tag).toBe("Deny")
          expect(AccessPolicy.decide(who, "case.personal.write", withdrawn, after)._tag).toBe("Deny")
        },
      ),
      { numRuns: 3000 },
    )
    // Many of these reads were allowed until the withdrawal.
    expect(allowedBefore).toBeGreaterThan(40)
  })

  it("the national role and the auditor never get any case action", () => {
    fc.assert(
      fc.property(scenarioArb, actionArb, ({ who, resource, when }, action) => {
        const roles = Principal.hasAnyRole(who, ["national-coordinator", "auditor"])
          ? who.roles
          : [...who.roles, "national-coordinator" as const]
        expect(AccessPolicy.decide({ ...who, roles }, action, resource, when)._tag).toBe("Deny")
      }),
      { numRuns: 2000 },
    )
  })
})

describe("AccessPolicy.enforce", () => {
  const resource = caseResource({ onTeam: true, access: "full", consent: "in force", signatory: true })

  it.effect("turns a denial into Forbidden naming the action and the rule, with no case data", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        AccessPolicy.enforce(principal(["case-worker"], inst(5)), "case.summary.read", resource, at),
      )
      expect(error).toBeInstanceOf(Errors.Forbidden)
      expect(error).toMatchObject({ action: "case.summary.read", rule: "policy.memorandum.not-signatory" })
      expect(JSON.stringify(error)).not.toContain(caseId)
    }),
  )

  it.effect("a missing purpose becomes InvalidInput with the audit rule", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        AccessPolicy.enforce(principal(["case-worker"]), "case.personal.read", resource, at),
      )
      expect(error).toBeInstanceOf(Errors.InvalidInput)
      expect(error).toMatchObject({ field: "purpose", rule: "audit.purpose.required" })
    }),
  )

  it.effect("authorize reads the current principal and the clock", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(at.getTime())
      const withPurpose = { ...resource, purpose: "case-management" as const }
      const allowed = yield* AccessPolicy.authorize("case.personal.read", withPurpose).pipe(
        Effect.provideService(Principal.CurrentPrincipal, principal(["case-worker"])),
      )
      expect(allowed).toEqual({ _tag: "Allow", reason: "policy.allow.consent", breakGlass: false })
      // Ten days before, the consent had not started.
      yield* TestClock.setTime(at.getTime() - 11 * day)
      const error = yield* Effect.flip(
        AccessPolicy.authorize("case.personal.read", withPurpose).pipe(
          Effect.provideService(Principal.CurrentPrincipal, principal(["case-worker"])),
        ),
      )
      expect(error).toMatchObject({ rule: "policy.consent.not-in-force" })
    }),
  )
})
