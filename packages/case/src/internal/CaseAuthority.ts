// The first steps every use case on an existing case shares, outside the
// `CaseService`: load the case, then ask the access policy whether the current
// principal may do `action` on it, with the signatories of the memorandum in
// force and the profile's protection sectors. The policy decides; this only
// gathers what it decides on, as `CaseService` does for its own commands.
import { Errors, type Id, Instant, JurisdictionProfile, Principal } from "@bashke/kernel"
import { AccessPolicy } from "@bashke/security"
import { Effect, Option } from "effect"
import * as Case from "../Case"
import { CaseRepository } from "../CaseRepository"
import type * as CaseTeam from "../CaseTeam"
import { Signatories } from "../Signatories"

/** @internal What the use cases of this module need. */
export type Requirements = CaseRepository | Signatories | Principal.CurrentPrincipal

/** @internal The case, who acts and when, and the principal's place on the team (if any). */
export interface Authorized {
  readonly aCase: Case.Case
  readonly principal: Principal.Principal
  readonly at: Date
  readonly member: CaseTeam.TeamMember | undefined
}

/** @internal The case, or `NotFound`. */
export const load = (caseId: Id.CaseId): Effect.Effect<Case.Case, Errors.NotFound, CaseRepository> =>
  Effect.flatMap(
    Effect.flatMap(CaseRepository, (repository) => repository.find(caseId)),
    Option.match({
      onNone: () => Effect.fail(new Errors.NotFound({ entity: "Case", id: caseId })),
      onSome: Effect.succeed,
    }),
  )

type PolicyRequest = Omit<Parameters<typeof Case.toPolicyResource>[1], "signatories" | "protectionSectors">

/**
 * @internal Enforces `action` on a case for `principal` at `at`, with the
 * signatories of the memorandum in force: the policy's `Forbidden` /
 * `InvalidInput`.
 */
const enforce = (
  aCase: Case.Case,
  principal: Principal.Principal,
  at: Date,
  action: typeof AccessPolicy.Action.Type,
  request: PolicyRequest,
): Effect.Effect<void, Errors.Forbidden | Errors.InvalidInput, Signatories> =>
  Effect.gen(function* () {
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const signatories = yield* Effect.flatMap(Signatories, (port) => port.at(aCase.mechanismId, at))
    yield* AccessPolicy.enforce(
      principal,
      action,
      Case.toPolicyResource(aCase, {
        signatories: signatories.map((signatory) => signatory.institution),
        protectionSectors: profile.caseTeam.protectionSectors.value,
        ...request,
      }),
      at,
    )
  })

/**
 * @internal Loads the case and enforces `action` on it for the current
 * principal. `NotFound`, or the policy's `Forbidden` / `InvalidInput`.
 */
export const authorize = (
  caseId: Id.CaseId,
  action: typeof AccessPolicy.Action.Type,
  request: PolicyRequest = {},
): Effect.Effect<Authorized, Errors.NotFound | Errors.Forbidden | Errors.InvalidInput, Requirements> =>
  Effect.gen(function* () {
    const aCase = yield* load(caseId)
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    yield* enforce(aCase, principal, at, action, request)
    // What remains of an erased case is pseudonymous (ADR 0012): every use
    // case here reads or writes its sealed data, so it answers that the data
    // is erased — after the policy, so an outsider learns nothing more.
    if (aCase.erasedAt !== undefined) return yield* Effect.fail(erased)
    const member =
      principal.institution === undefined
        ? undefined
        : aCase.team.members.find((each) => each.institution === principal.institution)
    return { aCase, principal, at, member }
  })

/**
 * @internal Enforces a further `action` for an already authorized principal
 * on the same case (a personal write after `case.write`).
 */
export const also = (
  authorized: Authorized,
  action: typeof AccessPolicy.Action.Type,
  request: PolicyRequest = {},
): Effect.Effect<void, Errors.Forbidden | Errors.InvalidInput, Requirements> =>
  enforce(authorized.aCase, authorized.principal, authorized.at, action, request)

/** @internal The refusal of any use of an erased case's personal data (`case.erased`). */
export const erased: Errors.InvalidInput = new Errors.InvalidInput({ field: "caseId", rule: "case.erased" })

/** @internal A closed case takes no change but its reopening (`case.closed.read-only`). */
export const whileOpen = (aCase: Pick<Case.Case, "status">): Effect.Effect<void, Errors.InvalidInput> =>
  aCase.status === "closed"
    ? Effect.fail(new Errors.InvalidInput({ field: "caseId", rule: "case.closed.read-only" }))
    : Effect.void
