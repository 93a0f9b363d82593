// The steps the case's use cases share: loading the case (one of another
// mechanism reads as unknown), the situation a command is decided in (who,
// when, the profile, the signatories in force), the policy's decision, the
// admission of a change (policy, erasure, closed case), the version claim and
// the outbox event.
import { CivilDate, Errors, type Id, Instant, JurisdictionProfile, Principal } from "@bashke/kernel"
import { Outbox } from "@bashke/persistence"
import { AccessPolicy, type AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Context, Effect, Option } from "effect"
import type { BreakGlassReviewRepository } from "../BreakGlassReviewRepository"
import * as Case from "../Case"
import { aggregateType, type Topic } from "../CaseEvents"
import { type CaseAccess, CaseRepository } from "../CaseRepository"
import type * as PersonalData from "../PersonalData"
import { Signatories, type Signatory } from "../Signatories"
import * as CaseAuthority from "./CaseAuthority"
import type { Instruments } from "./Instruments"
import { writtenFor } from "./PersonalPurpose"

/**
 * @internal The services the case's use cases run over: `CaseService` keeps
 * exactly these (and the instruments it was built with), never the whole
 * context, so the principal and the jurisdiction stay the caller's.
 */
export type Services =
  | CaseRepository
  | BreakGlassReviewRepository
  | PersonalData.PersonalData
  | Signatories
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

/**
 * @internal What the case's use cases need besides the caller's principal:
 * each names this in its type, whether or not it uses every part.
 */
export type Requirements = Services | Instruments

/** @internal A command's refusals before the lifecycle's. */
export type Refusal = Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict

/** @internal A command's refusals, the lifecycle's included. */
export type Changing = Refusal | Errors.InvalidTransition

/** @internal A change to a closed case: refused, except reopening and withdrawing a consent. */
export const closedForChanges: Errors.InvalidInput = new Errors.InvalidInput({
  field: "caseId",
  rule: "case.closed.read-only",
})

/** @internal The institutions of the signatories. */
export const institutionIds = (signatories: ReadonlyArray<Signatory>): ReadonlyArray<Id.InstitutionId> =>
  signatories.map((signatory) => signatory.institution)

/**
 * @internal The case. A case of another mechanism is, to the caller, a case
 * that does not exist: refused after the same one look-up an unknown id takes
 * (no existence oracle, by status or by time). Every use case on a case is
 * refused to outsiders by the policy anyway (`allow` conceals that refusal the
 * same way).
 */
export const load = (
  id: Id.CaseId,
): Effect.Effect<Case.Case, Errors.NotFound, CaseRepository | Principal.CurrentPrincipal> =>
  // One statement (the case whole, ADR 0027).
  loadWith(id, (repository) => repository.find(id))

/**
 * @internal What an access decision reads of the case (`CaseAccess`), refused
 * as {@link load} refuses: a use case that decides on the case's team,
 * consents and persons only, and writes nothing to it (ADR 0042).
 */
export const loadAccess = (
  id: Id.CaseId,
): Effect.Effect<CaseAccess, Errors.NotFound, CaseRepository | Principal.CurrentPrincipal> =>
  loadWith(id, (repository) => repository.findAccess(id))

const loadWith = <A extends { readonly mechanismId: Id.MechanismId }>(
  id: Id.CaseId,
  find: (repository: CaseRepository["Type"]) => Effect.Effect<Option.Option<A>>,
): Effect.Effect<A, Errors.NotFound, CaseRepository | Principal.CurrentPrincipal> =>
  // Both services read from the context at once: on every use case on a case,
  // each read of a service on its own was more steps of Effect's runtime.
  Effect.contextWithEffect((context: Context.Context<CaseRepository | Principal.CurrentPrincipal>) =>
    Effect.flatMap(find(Context.get(context, CaseRepository)), (found) =>
      Option.isSome(found) &&
      Principal.belongsTo(Context.get(context, Principal.CurrentPrincipal), found.value.mechanismId)
        ? Effect.succeed(found.value)
        : Effect.fail(new Errors.NotFound({ entity: "Case", id })),
    ),
  )

/** @internal The principal, the time, the profile and the signatories a command on a mechanism's case is decided in. */
export interface Situation {
  readonly principal: Principal.Principal
  readonly at: Date
  readonly profile: JurisdictionProfile.JurisdictionProfile
  readonly signatories: ReadonlyArray<Signatory>
  readonly today: CivilDate.CivilDate
}

/** @internal */
export const situation = (
  mechanismId: Id.MechanismId,
): Effect.Effect<Situation, never, Signatories | Principal.CurrentPrincipal> =>
  // The services read from the context at once (see `load`); the time from Effect's `Clock`, as before.
  Effect.contextWithEffect((context: Context.Context<Signatories | Principal.CurrentPrincipal>) =>
    Effect.flatMap(Instant.now, (at) => {
      const principal = Context.get(context, Principal.CurrentPrincipal)
      const profile = Context.get(context, JurisdictionProfile.CurrentJurisdiction)
      return Effect.map(
        Context.get(context, Signatories).at(mechanismId, at),
        (signatories): Situation => ({
          principal,
          at,
          profile,
          signatories,
          today: CivilDate.ofInstant(at, profile.timezone),
        }),
      )
    }),
  )

/** @internal The case and the situation a use case on it is decided in. */
export interface Loaded {
  readonly aCase: Case.Case
  readonly s: Situation
}

/** @internal The case (see {@link load}), then the situation in its mechanism. */
export const loadCase = (
  caseId: Id.CaseId,
): Effect.Effect<Loaded, Errors.NotFound, CaseRepository | Signatories | Principal.CurrentPrincipal> =>
  Effect.flatMap(load(caseId), (aCase) => Effect.map(situation(aCase.mechanismId), (s) => ({ aCase, s })))

/** @internal The case's {@link CaseAccess} and the situation a use case on it is decided in. */
export interface LoadedAccess {
  readonly aCase: CaseAccess
  readonly s: Situation
}

/** @internal The case's access (see {@link loadAccess}), then the situation in its mechanism. */
export const loadCaseAccess = (
  caseId: Id.CaseId,
): Effect.Effect<LoadedAccess, Errors.NotFound, CaseRepository | Signatories | Principal.CurrentPrincipal> =>
  Effect.flatMap(loadAccess(caseId), (aCase) => Effect.map(situation(aCase.mechanismId), (s) => ({ aCase, s })))

type PolicyRequest = Omit<Parameters<typeof Case.toPolicyResource>[1], "signatories" | "protectionSectors">

/**
 * @internal The policy's decision on `action` on the case, with the
 * signatories in force and the profile's protection sectors. Outside the
 * case's mechanism a refusal is a `NotFound`, as for an unknown case id.
 */
export const allow = (
  s: Situation,
  action: typeof AccessPolicy.Action.Type,
  aCase: Parameters<typeof Case.toPolicyResource>[0],
  request: PolicyRequest = {},
): Effect.Effect<AccessPolicy.Allow, Errors.Forbidden | Errors.InvalidInput | Errors.NotFound> =>
  AccessPolicy.enforce(
    s.principal,
    action,
    Case.toPolicyResource(aCase, {
      signatories: institutionIds(s.signatories),
      protectionSectors: s.profile.caseTeam.protectionSectors.value,
      ...request,
    }),
    s.at,
  ).pipe(
    Principal.concealOutside(
      s.principal,
      aCase.mechanismId,
      () => new Errors.NotFound({ entity: "Case", id: aCase.id }),
    ),
  )

/**
 * @internal A change to the case is admitted: `case.write` (and, when
 * personal details of `personal`'s side are written, `case.personal.write`
 * for the purpose that side is written for), a case not erased, and open
 * unless `whenClosed`.
 */
export interface Admission {
  readonly personal?: AccessPolicy.Subject | undefined
  readonly whenClosed?: boolean
}

/** @internal See {@link Admission}. */
export const admit = (
  { aCase, s }: Loaded,
  options: Admission = {},
): Effect.Effect<void, Errors.Forbidden | Errors.InvalidInput | Errors.NotFound> =>
  Effect.gen(function* () {
    yield* allow(s, "case.write", aCase)
    if (options.personal !== undefined)
      yield* allow(s, "case.personal.write", aCase, {
        purpose: writtenFor(options.personal),
        subject: options.personal,
      })
    // An erased case is never changed again, not even reopened: its data key is gone (ADR 0012).
    if (aCase.erasedAt !== undefined) return yield* Effect.fail(CaseAuthority.erased)
    if (aCase.status === "closed" && options.whenClosed !== true) return yield* Effect.fail(closedForChanges)
  })

/**
 * @internal The case's new version: `expectedVersion` from an `If-Match`, or
 * the version loaded (guarding only against a concurrent change during the
 * command).
 */
export const claim = (
  updated: Case.Case,
  expectedVersion: number | undefined,
  loaded: Case.Case,
): Effect.Effect<Case.Case, Errors.NotFound | Errors.Conflict, CaseRepository> =>
  Effect.flatMap(CaseRepository, (repository) => repository.update(updated, expectedVersion ?? loaded.version))

/** @internal The case's outbox event: ids and codes only, never personal data. */
export const emit = (
  topic: Topic,
  caseId: Id.CaseId,
  payload: Readonly<Record<string, unknown>>,
): Effect.Effect<void, never, SqlClient.SqlClient | Id.IdGenerator> =>
  Effect.asVoid(Outbox.append({ topic, aggregateType, aggregateId: caseId, payload: { caseId, ...payload } }))
