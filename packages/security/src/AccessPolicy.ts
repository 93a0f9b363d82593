/**
 * The access policy: one pure function from (principal, action, resource, time)
 * to allow or deny, with the reason or the rule, and `enforce` to use it as an
 * Effect. Deny by default: every allow is a rule below; anything else is denied.
 *
 * Rules, in the order they are checked:
 *
 * 1. the action must fit the resource (`policy.resource.mismatch`);
 * 2. a principal holding the national coordinator role sees aggregates only
 *    (`policy.national.aggregates-only`), an auditor the audit log only
 *    (`policy.auditor.audit-only`) and the subject-access export, whatever
 *    other roles they also hold;
 * 3. `audit.read` and `subject-access.export` (everything held about one
 *    person, for her data-protection request: the auditor is the
 *    installation's data-protection role) need the auditor role; `statistics.read` the national role,
 *    or the coordinator or a member representative of that mechanism
 *    (`policy.statistics.scope`);
 * 4. every case action, and the mechanism's actions, need an institutional role
 *    (`policy.role.not-permitted`), membership of the mechanism
 *    (`policy.mechanism.not-member`) and an institution that signed the
 *    memorandum in force (`policy.memorandum.not-signatory`);
 * 5. `case.create`: a coordinator or case worker; `break-glass.review` (the
 *    mechanism's list of break-glass reads, and their verdicts): the coordinator
 *    (`policy.break-glass.review-coordinator-only`);
 * 6. `break-glass.read` (see `BreakGlass`): a principal with the `case-worker`
 *    role (`policy.break-glass.role-not-permitted`) of an institution on the
 *    case team (`policy.break-glass.not-permitted`) with `full` access
 *    (`policy.break-glass.full-access-required`), naming a reason code
 *    (`policy.break-glass.code-required`) and a written reason
 *    (`policy.break-glass.reason-required`) of a sentence
 *    (`policy.break-glass.reason-too-short`); the allow is flagged
 *    `breakGlass`, and the caller must audit it as such and raise its alert;
 * 7. `consent.confirm` (a consent that widens its recorder's own institution's
 *    access counts only once a second person confirms it): the mechanism's
 *    coordinator, or a full-access person of the lead institution when the
 *    consent was recorded for another institution
 *    (`policy.consent.confirmer-not-permitted`); never the recorder
 *    (`policy.consent.confirmer-is-recorder`);
 * 8. every other case action: the principal's institution is on the case team
 *    (`policy.case-team.not-member`); summary read and case write need nothing
 *    more; `consent.record` needs `full` access and the lead institution, or
 *    the institution that took the consent from the survivor
 *    (`policy.consent.recorder-not-permitted`); personal read or write need a
 *    purpose (`policy.purpose.required`) and `full` access
 *    (`policy.access.summary-only`), then:
 *    - the alleged perpetrator's details: the `protection` purpose
 *      (`policy.perpetrator.protection-purpose-only`) and a sector the
 *      jurisdiction gives a legal basis for them (`protectionSectors`;
 *      `policy.perpetrator.no-legal-basis`). The victim's consent never opens
 *      them, nor closes them: they serve the victim's safety and the legal
 *      process under the institution's own legal basis (ADR 0004);
 *    - the victim's or a child's: not under `protection`
 *      (`policy.purpose.protection-perpetrator-only`), and a consent in force
 *      at that time, not withdrawn, covering the institution (by id or sector)
 *      and the purpose (`policy.consent.withdrawn`,
 *      `policy.consent.not-in-force`, `policy.consent.not-covered`). A consent
 *      the case package counts (confirmed when it needed to be) is the only
 *      kind it passes here.
 *
 * Every rule and reason is a key of `securityMessages`.
 */
import { Errors, Id, Instant, Principal, Sector, Span } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as BreakGlass from "./BreakGlass"
import { Purpose } from "./Purpose"

/**
 * What a principal asks to do.
 */
export const Action = Schema.Literal(
  "case.summary.read",
  "case.personal.read",
  "case.write",
  "case.personal.write",
  "case.create",
  "statistics.read",
  "audit.read",
  "subject-access.export",
  "break-glass.read",
  "break-glass.review",
  "consent.record",
  "consent.confirm",
  "case.erase",
).annotations({ identifier: "PolicyAction" })

export type Action = typeof Action.Type

/**
 * The actions on one case (the resource is a `CaseResource`).
 */
export const caseActions: ReadonlyArray<Action> = [
  "case.summary.read",
  "case.personal.read",
  "case.write",
  "case.personal.write",
  "break-glass.read",
  "consent.record",
  "consent.confirm",
]

/**
 * How much of a case a team member sees: everything, or the summary only.
 */
export const Access = Schema.Literal("full", "summary").annotations({ identifier: "CaseAccess" })

export type Access = typeof Access.Type

/**
 * An institution on a case team.
 */
export const TeamMember = Schema.Struct({ institution: Id.InstitutionId, access: Access })

export type TeamMember = typeof TeamMember.Type

/**
 * A consent as the policy needs it: to which institutions (by id, or every
 * institution of a sector), for which purposes, from when, until when, and
 * whether it was withdrawn.
 */
export const Consent = Schema.Struct({
  institutions: Schema.Array(Id.InstitutionId),
  sectors: Schema.Array(Sector.Sector),
  purposes: Schema.Array(Purpose),
  from: Schema.DateFromSelf,
  until: Schema.optional(Schema.DateFromSelf),
  withdrawnAt: Schema.optional(Schema.DateFromSelf),
})

export type Consent = typeof Consent.Type

/**
 * Whose identifying details a personal read or write is about: the victim or
 * a child (the consent rules), or the alleged perpetrator (the institution's
 * own legal basis, never the victim's consent).
 */
export const Subject = Schema.Literal("victim-or-child", "alleged-perpetrator").annotations({
  identifier: "PolicySubject",
})

export type Subject = typeof Subject.Type

/**
 * The consent a `consent.record` or `consent.confirm` is about: the
 * institution that took it from the survivor, and who recorded it for which
 * institution (absent for a consent recorded before that was kept).
 */
export const ConsentRecording = Schema.Struct({
  takenBy: Schema.optional(Id.InstitutionId),
  recordedBy: Schema.optional(Id.PrincipalId),
  recordedFor: Schema.optional(Id.InstitutionId),
})

export type ConsentRecording = typeof ConsentRecording.Type

/**
 * A case as the policy sees it; the case package fills it in. `signatories` are
 * the institutions that signed the memorandum in force at the time of the
 * decision; `purpose` is what the request says it is for; `subject` whose
 * details a personal action is about (the victim's or a child's when absent);
 * `protectionSectors` the sectors the jurisdiction gives a legal basis for the
 * alleged perpetrator's details; `breakGlassCode` and `breakGlassReason` the
 * reason code and written reason of a break-glass read; `consent` the consent
 * a consent action is about. `consents` are those that count (in force or not,
 * confirmed when they had to be).
 */
export const CaseResource = Schema.TaggedStruct("Case", {
  caseId: Id.CaseId,
  mechanismId: Id.MechanismId,
  leadInstitution: Id.InstitutionId,
  team: Schema.Array(TeamMember),
  consents: Schema.Array(Consent),
  signatories: Schema.Array(Id.InstitutionId),
  purpose: Schema.optional(Purpose),
  subject: Schema.optional(Subject),
  protectionSectors: Schema.optional(Schema.Array(Sector.Sector)),
  breakGlassCode: Schema.optional(BreakGlass.ReasonCode),
  breakGlassReason: Schema.optional(Schema.String),
  consent: Schema.optional(ConsentRecording),
})

export type CaseResource = typeof CaseResource.Type

/**
 * A mechanism, for `case.create`, `break-glass.review` and a mechanism's `statistics.read`.
 */
export const MechanismResource = Schema.TaggedStruct("Mechanism", {
  mechanismId: Id.MechanismId,
  signatories: Schema.Array(Id.InstitutionId),
})

export type MechanismResource = typeof MechanismResource.Type

/**
 * Everything at once, for national `statistics.read` and `audit.read`.
 */
export const NationalResource = Schema.TaggedStruct("National", {})

export type NationalResource = typeof NationalResource.Type

export const Resource = Schema.Union(CaseResource, MechanismResource, NationalResource)

export type Resource = typeof Resource.Type

/**
 * Why a request was denied: a stable code, and a key of `securityMessages`.
 */
export const DenyRule = Schema.Literal(
  "policy.default-deny",
  "policy.resource.mismatch",
  "policy.national.aggregates-only",
  "policy.auditor.audit-only",
  "policy.audit.auditor-only",
  "policy.statistics.scope",
  "policy.role.not-permitted",
  "policy.mechanism.not-member",
  "policy.memorandum.not-signatory",
  "policy.case-team.not-member",
  "policy.purpose.required",
  "policy.access.summary-only",
  "policy.consent.withdrawn",
  "policy.consent.not-in-force",
  "policy.consent.not-covered",
  "policy.break-glass.not-permitted",
  "policy.break-glass.role-not-permitted",
  "policy.break-glass.full-access-required",
  "policy.break-glass.code-required",
  "policy.break-glass.reason-required",
  "policy.break-glass.reason-too-short",
  "policy.break-glass.review-coordinator-only",
  "policy.consent.recorder-not-permitted",
  "policy.consent.confirmer-not-permitted",
  "policy.consent.confirmer-is-recorder",
  "policy.perpetrator.protection-purpose-only",
  "policy.perpetrator.no-legal-basis",
  "policy.purpose.protection-perpetrator-only",
  "policy.notice.purpose-unknown",
  "policy.erasure.administrator-only",
).annotations({ identifier: "PolicyDenyRule" })

export type DenyRule = typeof DenyRule.Type

/**
 * Why a request was allowed: a stable code, and a key of `securityMessages`.
 */
export const AllowReason = Schema.Literal(
  "policy.allow.auditor",
  "policy.allow.statistics",
  "policy.allow.case-create",
  "policy.allow.case-team",
  "policy.allow.consent",
  "policy.allow.protection",
  "policy.allow.break-glass",
  "policy.allow.break-glass-review",
  "policy.allow.consent-recording",
  "policy.allow.consent-confirmation",
  "policy.allow.referral-receiver",
  "policy.allow.erasure",
).annotations({ identifier: "PolicyAllowReason" })

export type AllowReason = typeof AllowReason.Type

/**
 * An allow. `breakGlass` is true only for a break-glass read: the caller must
 * write it to the audit log flagged, with the reason.
 */
export interface Allow {
  readonly _tag: "Allow"
  readonly reason: AllowReason
  readonly breakGlass: boolean
}

export interface Deny {
  readonly _tag: "Deny"
  readonly rule: DenyRule
}

export type Decision = Allow | Deny

const allow = (reason: AllowReason, breakGlass = false): Allow => ({ _tag: "Allow", reason, breakGlass })
const deny = (rule: DenyRule): Deny => ({ _tag: "Deny", rule })

const institutionalRoles: ReadonlyArray<Principal.Role> = ["coordinator", "case-worker", "member-representative"]

/**
 * Whether a consent is in force at `at`: started, not expired, not withdrawn.
 */
export const inForce = (consent: Consent, at: Date): boolean => {
  const time = at.getTime()
  return (
    consent.from.getTime() <= time &&
    (consent.until === undefined || time < consent.until.getTime()) &&
    (consent.withdrawnAt === undefined || time < consent.withdrawnAt.getTime())
  )
}

/**
 * Whether a consent names the institution (or its sector) and the purpose,
 * whatever its dates.
 */
export const covers = (
  consent: Consent,
  institution: Id.InstitutionId,
  sector: Sector.Sector | undefined,
  purpose: Purpose,
): boolean =>
  consent.purposes.includes(purpose) &&
  (consent.institutions.includes(institution) || (sector !== undefined && consent.sectors.includes(sector)))

const consentRule = (
  resource: CaseResource,
  institution: Id.InstitutionId,
  sector: Sector.Sector | undefined,
  purpose: Purpose,
  at: Date,
): Decision => {
  const covering = resource.consents.filter((consent) => covers(consent, institution, sector, purpose))
  if (covering.some((consent) => inForce(consent, at))) return allow("policy.allow.consent")
  if (covering.length === 0) return deny("policy.consent.not-covered")
  const time = at.getTime()
  const withdrawn = covering.some((c) => c.withdrawnAt !== undefined && c.withdrawnAt.getTime() <= time)
  return deny(withdrawn ? "policy.consent.withdrawn" : "policy.consent.not-in-force")
}

// The alleged perpetrator's details: the institution's own legal basis, for
// the victim's safety and the legal process; consents are never read here.
const perpetratorRule = (principal: Principal.Principal, resource: CaseResource, purpose: Purpose): Decision => {
  if (purpose !== "protection") return deny("policy.perpetrator.protection-purpose-only")
  const sector = principal.sector
  if (sector === undefined || !(resource.protectionSectors ?? []).includes(sector))
    return deny("policy.perpetrator.no-legal-basis")
  return allow("policy.allow.protection")
}

const breakGlassRule = (principal: Principal.Principal, resource: CaseResource, member: TeamMember | undefined) => {
  if (!Principal.hasRole(principal, "case-worker")) return deny("policy.break-glass.role-not-permitted")
  if (member === undefined) return deny("policy.break-glass.not-permitted")
  if (member.access !== "full") return deny("policy.break-glass.full-access-required")
  if (resource.breakGlassCode === undefined) return deny("policy.break-glass.code-required")
  if ((resource.breakGlassReason ?? "").trim().length === 0) return deny("policy.break-glass.reason-required")
  if (!BreakGlass.isMeaningful(resource.breakGlassReason)) return deny("policy.break-glass.reason-too-short")
  return allow("policy.allow.break-glass", true)
}

const confirmationRule = (
  principal: Principal.Principal,
  resource: CaseResource,
  member: TeamMember | undefined,
): Decision => {
  const recording = resource.consent ?? {}
  if (recording.recordedBy !== undefined && recording.recordedBy === principal.id)
    return deny("policy.consent.confirmer-is-recorder")
  const coordinator = Principal.hasRole(principal, "coordinator")
  const lead =
    member !== undefined &&
    member.access === "full" &&
    principal.institution === resource.leadInstitution &&
    recording.recordedFor !== resource.leadInstitution
  return coordinator || lead
    ? allow("policy.allow.consent-confirmation")
    : deny("policy.consent.confirmer-not-permitted")
}

const caseDecision = (principal: Principal.Principal, action: Action, resource: CaseResource, at: Date): Decision => {
  const institution = principal.institution
  const member = institution === undefined ? undefined : resource.team.find((m) => m.institution === institution)
  if (action === "break-glass.read") return breakGlassRule(principal, resource, member)
  if (action === "consent.confirm") return confirmationRule(principal, resource, member)
  if (member === undefined || institution === undefined) return deny("policy.case-team.not-member")
  switch (action) {
    case "case.summary.read":
    case "case.write":
      return allow("policy.allow.case-team")
    case "consent.record": {
      if (member.access !== "full") return deny("policy.access.summary-only")
      const takenBy = resource.consent?.takenBy
      return institution === resource.leadInstitution || (takenBy !== undefined && institution === takenBy)
        ? allow("policy.allow.consent-recording")
        : deny("policy.consent.recorder-not-permitted")
    }
    case "case.personal.read":
    case "case.personal.write": {
      if (resource.purpose === undefined) return deny("policy.purpose.required")
      if (member.access !== "full") return deny("policy.access.summary-only")
      if (resource.subject === "alleged-perpetrator") return perpetratorRule(principal, resource, resource.purpose)
      if (resource.purpose === "protection") return deny("policy.purpose.protection-perpetrator-only")
      return consentRule(resource, institution, principal.sector, resource.purpose, at)
    }
    default:
      return deny("policy.default-deny")
  }
}

// Which resource each action is about.
const fits = (action: Action, resource: Resource): boolean => {
  switch (action) {
    case "case.create":
    case "break-glass.review":
      return resource._tag === "Mechanism"
    case "statistics.read":
      return resource._tag !== "Case"
    case "audit.read":
    case "subject-access.export":
      return resource._tag === "National"
    default:
      return resource._tag === "Case"
  }
}

/**
 * Decides whether `principal` may do `action` on `resource` at time `at`. Pure:
 * the same inputs always give the same decision.
 */
export const decide = (principal: Principal.Principal, action: Action, resource: Resource, at: Date): Decision => {
  if (!fits(action, resource)) return deny("policy.resource.mismatch")
  // Erasing a case's personal data (crypto-shredding, ADR 0012) is the
  // installation's administrator's act on a legal ground, never the case team's.
  if (action === "case.erase")
    return Principal.hasRole(principal, "administrator")
      ? allow("policy.allow.erasure")
      : deny("policy.erasure.administrator-only")
  if (Principal.hasRole(principal, "national-coordinator") && action !== "statistics.read")
    return deny("policy.national.aggregates-only")
  const dataProtection = action === "audit.read" || action === "subject-access.export"
  if (Principal.hasRole(principal, "auditor") && !dataProtection) return deny("policy.auditor.audit-only")
  if (dataProtection)
    return Principal.hasRole(principal, "auditor") ? allow("policy.allow.auditor") : deny("policy.audit.auditor-only")
  if (action === "statistics.read") {
    if (Principal.hasRole(principal, "national-coordinator")) return allow("policy.allow.statistics")
    const local =
      resource._tag === "Mechanism" &&
      Principal.hasAnyRole(principal, ["coordinator", "member-representative"]) &&
      Principal.belongsTo(principal, resource.mechanismId)
    return local ? allow("policy.allow.statistics") : deny("policy.statistics.scope")
  }
  // From here on: case.create on a mechanism, or an action on a case.
  if (resource._tag === "National") return deny("policy.resource.mismatch")
  if (!Principal.hasAnyRole(principal, institutionalRoles) || principal.institution === undefined)
    return deny("policy.role.not-permitted")
  if (!Principal.belongsTo(principal, resource.mechanismId)) return deny("policy.mechanism.not-member")
  if (!resource.signatories.includes(principal.institution)) return deny("policy.memorandum.not-signatory")
  if (resource._tag === "Mechanism") {
    if (action === "break-glass.review")
      return Principal.hasRole(principal, "coordinator")
        ? allow("policy.allow.break-glass-review")
        : deny("policy.break-glass.review-coordinator-only")
    return Principal.hasAnyRole(principal, ["coordinator", "case-worker"])
      ? allow("policy.allow.case-create")
      : deny("policy.role.not-permitted")
  }
  return caseDecision(principal, action, resource, at)
}

/**
 * The error a denial becomes: `InvalidInput` when the request itself was
 * incomplete (no purpose: `audit.purpose.required`; a break-glass read without
 * a reason: `audit.reason.required`, with too short a reason or without a
 * reason code: the policy's rule), `Forbidden` naming the action and the rule
 * otherwise. Neither carries any data of the case.
 */
export const toError = (action: Action, deny: Deny): Errors.Forbidden | Errors.InvalidInput => {
  switch (deny.rule) {
    case "policy.purpose.required":
      return new Errors.InvalidInput({ field: "purpose", rule: "audit.purpose.required" })
    case "policy.break-glass.reason-required":
      return new Errors.InvalidInput({ field: "breakGlassReason", rule: "audit.reason.required" })
    case "policy.break-glass.reason-too-short":
      return new Errors.InvalidInput({ field: "breakGlassReason", rule: deny.rule })
    case "policy.break-glass.code-required":
      return new Errors.InvalidInput({ field: "breakGlassCode", rule: deny.rule })
    default:
      return new Errors.Forbidden({ action, rule: deny.rule })
  }
}

/**
 * `decide` as an Effect: the `Allow`, or the denial as an error (see `toError`).
 */
export const enforce = (
  principal: Principal.Principal,
  action: Action,
  resource: Resource,
  at: Date,
): Effect.Effect<Allow, Errors.Forbidden | Errors.InvalidInput> => {
  const decision = decide(principal, action, resource, at)
  return decision._tag === "Allow" ? Effect.succeed(decision) : Effect.fail(toError(action, decision))
}

/**
 * `enforce` for the principal of the current request, at the current time
 * (Effect's `Clock`).
 */
export const authorize = (
  action: Action,
  resource: Resource,
): Effect.Effect<Allow, Errors.Forbidden | Errors.InvalidInput, Principal.CurrentPrincipal> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const now = yield* Instant.now
    return yield* enforce(principal, action, resource, now).pipe(Span.untraced("AccessPolicy.authorize", { action }))
  })
