/**
 * The use cases of case transfers: propose moving a case to another
 * mechanism, accept or decline a proposal, and list the proposals waiting to
 * or from a mechanism. Who may is `CaseTransfer`'s rule (the coordinators of
 * the two mechanisms), not the case team's policy: the receiving coordinator
 * is on no team of the case yet.
 *
 * - Proposing names the case version it was decided on (a stale one is a
 *   412) and passes `CaseTransfer.checkProposal`; it commits the proposal, an
 *   audit entry in the sending mechanism and the event
 *   `case.transfer.proposed`.
 * - Accepting names the receiving lead and team (signatories of the receiving
 *   mechanism: `case.team.member-not-signatory`; the team's rules), then in
 *   one transaction claims the case, moves it and its team, decides the
 *   proposal, appends an audit entry in each mechanism and the event
 *   `case.transfer.accepted`. From that commit, the sending mechanism's
 *   members are off the case; every part of it stays.
 * - Declining decides the proposal only (`case.transfer.declined`).
 */
import { Errors, Id, Instant, JurisdictionProfile, Principal, Span } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Option, Schema } from "effect"
import * as Case from "./Case"
import { aggregateType } from "./CaseEvents"
import { CaseRepository } from "./CaseRepository"
import * as CaseTeam from "./CaseTeam"
import * as CaseTransfer from "./CaseTransfer"
import { CaseTransferRepository } from "./CaseTransferRepository"
import * as CaseAuthority from "./internal/CaseAuthority"
import { decode } from "./internal/Input"
import { Signatories } from "./Signatories"

/**
 * Input of {@link propose}.
 */
export const ProposeTransfer = Schema.Struct({
  caseId: Id.CaseId,
  toMechanismId: Id.MechanismId,
  expectedVersion: Schema.Int.pipe(Schema.positive()),
})

export type ProposeTransfer = typeof ProposeTransfer.Encoded

/**
 * Input of {@link accept}: the receiving lead institution and further team
 * members (the lead joins with full access).
 */
export const AcceptTransfer = Schema.Struct({
  transferId: CaseTransfer.CaseTransferId,
  lead: Id.InstitutionId,
  team: Schema.optionalWith(Schema.Array(CaseTransfer.TeamMember), { default: () => [] }),
})

export type AcceptTransfer = typeof AcceptTransfer.Encoded

/**
 * Input of {@link decline}.
 */
export const DeclineTransfer = Schema.Struct({ transferId: CaseTransfer.CaseTransferId })

export type DeclineTransfer = typeof DeclineTransfer.Encoded

/**
 * What the use cases need.
 */
export type Requirements =
  | CaseRepository
  | CaseTransferRepository
  | Signatories
  | Principal.CurrentPrincipal
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

type Refusal = Errors.Forbidden | Errors.InvalidInput | Errors.NotFound

const entry = (principal: Principal.Principal, caseId: Id.CaseId, mechanismId: Id.MechanismId): AuditEntry.Draft => ({
  ...AuditEntry.actor(principal),
  mechanismId,
  caseId,
  action: "write",
  purpose: "case-management",
})

/** The transfer, or `NotFound` — also to anyone who coordinates neither end, so ids are not told. */
const transferFor = (id: CaseTransfer.CaseTransferId, principal: Principal.Principal) =>
  Effect.gen(function* () {
    const found = yield* Effect.flatMap(CaseTransferRepository, (transfers) => transfers.find(id))
    const notFound = new Errors.NotFound({ entity: "CaseTransfer", id })
    if (Option.isNone(found)) return yield* notFound
    const transfer = found.value
    if (!Principal.belongsTo(principal, transfer.to) && !Principal.belongsTo(principal, transfer.from))
      return yield* notFound
    return transfer
  })

const event = (
  topic: "case.transfer.proposed" | "case.transfer.accepted" | "case.transfer.declined",
  transfer: CaseTransfer.CaseTransfer,
) =>
  Outbox.append({
    topic,
    aggregateType,
    aggregateId: transfer.caseId,
    payload: {
      caseId: transfer.caseId,
      transferId: transfer.id,
      mechanismId: transfer.from,
      toMechanismId: transfer.to,
      ...(transfer.lead === undefined ? {} : { lead: transfer.lead }),
    },
  })

/**
 * The sending coordinator proposes moving the case to `toMechanismId`. Fails
 * with `NotFound` (the case, or one outside the caller's mechanisms),
 * `Forbidden` (`case.transfer.coordinator-only`), `InvalidInput` (the rules
 * of `CaseTransfer.checkProposal`, naming the field) or `Conflict`
 * (`version.stale`).
 */
export const propose = (
  raw: ProposeTransfer,
): Effect.Effect<CaseTransfer.CaseTransfer, Refusal | Errors.Conflict, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(ProposeTransfer)(raw)
    const principal = yield* Principal.CurrentPrincipal
    const aCase = yield* CaseAuthority.load(input.caseId)
    if (!Principal.belongsTo(principal, aCase.mechanismId))
      return yield* new Errors.NotFound({ entity: "Case", id: input.caseId })
    const at = yield* Instant.now
    const receiving = yield* Effect.flatMap(Signatories, (port) => port.at(input.toMechanismId, at))
    const transfers = yield* CaseTransferRepository
    const pending = yield* transfers.pendingOf(aCase.id)
    yield* CaseTransfer.checkProposal({
      principal,
      aCase,
      to: input.toMechanismId,
      receivingSignatories: receiving.length,
      pending: Option.isSome(pending),
      at,
    })
    const transfer: CaseTransfer.CaseTransfer = {
      id: yield* CaseTransfer.CaseTransferId.generate,
      caseId: aCase.id,
      from: aCase.mechanismId,
      to: input.toMechanismId,
      status: "proposed",
      proposedBy: principal.id,
      proposedAt: at,
    }
    const cases = yield* CaseRepository
    const audit = yield* AuditLog.AuditLog
    yield* Transaction.run(
      Effect.gen(function* () {
        yield* cases.update(aCase, input.expectedVersion)
        yield* transfers.insert(transfer)
        yield* audit.append(entry(principal, aCase.id, aCase.mechanismId)).pipe(Effect.orDie)
        yield* event("case.transfer.proposed", transfer)
      }),
    )
    return transfer
  }).pipe(Span.untraced("CaseTransfers.propose"))

/**
 * The receiving coordinator accepts: the case moves with all its history.
 * Fails with `NotFound`, `Forbidden` (`case.transfer.coordinator-only`),
 * `InvalidInput` (`lead` or `team.<i>.institution` not a signatory of the
 * receiving mechanism; the team's rules) or `Conflict` (decided already; the
 * case changed meanwhile).
 */
export const accept = (
  raw: AcceptTransfer,
): Effect.Effect<CaseTransfer.CaseTransfer, Refusal | Errors.Conflict, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(AcceptTransfer)(raw)
    const principal = yield* Principal.CurrentPrincipal
    const transfer = yield* transferFor(input.transferId, principal)
    const at = yield* Instant.now
    const decided = yield* CaseTransfer.decide(transfer, principal, { status: "accepted", at, lead: input.lead })
    const receiving = yield* Effect.flatMap(Signatories, (port) => port.at(transfer.to, at))
    const sectorOf = new Map(receiving.map((signatory) => [signatory.institution as string, signatory.sector]))
    const leadSector = sectorOf.get(input.lead)
    if (leadSector === undefined)
      return yield* new Errors.InvalidInput({ field: "lead", rule: "case.team.member-not-signatory" })
    const members: Array<CaseTeam.TeamMember> = [{ institution: input.lead, sector: leadSector, access: "full" }]
    for (const [index, member] of input.team.entries()) {
      const sector = sectorOf.get(member.institution)
      if (sector === undefined)
        return yield* new Errors.InvalidInput({
          field: `team.${index}.institution`,
          rule: "case.team.member-not-signatory",
        })
      if (member.institution !== input.lead)
        members.push({ institution: member.institution, sector, access: member.access })
    }
    const aCase = yield* CaseAuthority.load(transfer.caseId)
    const team: Case.Case["team"] = { lead: input.lead, members }
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const year = at.getUTCFullYear()
    yield* CaseTeam.validate(team, { hasChild: Case.hasChild(aCase, year) }, profile)
    const movedCase = CaseTransfer.moved(aCase, transfer.to, team)
    const cases = yield* CaseRepository
    const transfers = yield* CaseTransferRepository
    const audit = yield* AuditLog.AuditLog
    yield* Transaction.run(
      Effect.gen(function* () {
        // Claimed at the version read: a change in between is a 412 to try again.
        yield* cases.update(movedCase, aCase.version)
        yield* cases.moveToMechanism(aCase.id, transfer.to)
        yield* cases.saveTeam(aCase.id, team, at)
        yield* transfers.decide(decided)
        yield* audit.append(entry(principal, aCase.id, transfer.from)).pipe(Effect.orDie)
        yield* audit.append(entry(principal, aCase.id, transfer.to)).pipe(Effect.orDie)
        yield* event("case.transfer.accepted", decided)
      }),
    )
    return decided
  }).pipe(Span.untraced("CaseTransfers.accept"))

/**
 * The receiving coordinator declines: the case stays where it is. Fails with
 * `NotFound`, `Forbidden` or `Conflict` (decided already).
 */
export const decline = (
  raw: DeclineTransfer,
): Effect.Effect<CaseTransfer.CaseTransfer, Refusal | Errors.Conflict, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(DeclineTransfer)(raw)
    const principal = yield* Principal.CurrentPrincipal
    const transfer = yield* transferFor(input.transferId, principal)
    const decided = yield* CaseTransfer.decide(transfer, principal, { status: "declined", at: yield* Instant.now })
    const transfers = yield* CaseTransferRepository
    yield* Transaction.run(
      Effect.gen(function* () {
        yield* transfers.decide(decided)
        yield* event("case.transfer.declined", decided)
      }),
    )
    return decided
  }).pipe(Span.untraced("CaseTransfers.decline"))

/**
 * The transfers waiting to or from a mechanism, for its coordinator
 * (`case.transfer.coordinator-only` otherwise).
 */
export const pending = (
  mechanismId: Id.MechanismId,
): Effect.Effect<ReadonlyArray<CaseTransfer.CaseTransfer>, Errors.Forbidden, Requirements> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    if (!CaseTransfer.coordinates(principal, mechanismId))
      return yield* new Errors.Forbidden({ action: "case.transfer", rule: "case.transfer.coordinator-only" })
    return yield* Effect.flatMap(CaseTransferRepository, (transfers) => transfers.pendingFor(mechanismId))
  }).pipe(Span.untraced("CaseTransfers.pending"))
