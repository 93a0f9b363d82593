/**
 * The use cases of the log of what the survivor was told: record an entry (a
 * team member, `case.write`, on an open case) and list the case's entries
 * (the case team's full-access members: what was said may name people;
 * `policy.access.summary-only` otherwise). An entry is about the case's victim
 * or one of its children, told after the case opened and not in the future
 * (`SurvivorInformed.validate`).
 *
 * Recording commits the entry, its audit entry (a write about that person) and
 * the outbox event `case.survivor.informed` (ids and topics only) together;
 * every entry listed is an audited read of that person's data.
 */
import { Cursor, Errors, Id, Locale, Pagination, type Principal, Span } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"
import { aggregateType } from "./CaseEvents"
import * as CaseAuthority from "./internal/CaseAuthority"
import { decode } from "./internal/Input"
import { Instant } from "./internal/Instant"
import * as PageCursor from "./internal/PageCursor"
import * as SurvivorInformed from "./SurvivorInformed"
import { SurvivorInformedRepository } from "./SurvivorInformedRepository"

/**
 * Input of {@link record}: who was told, on which topics, what, in which
 * language, and when (now when absent).
 */
export const RecordInformed = Schema.Struct({
  caseId: Id.CaseId,
  personId: Id.PersonId,
  topics: Schema.NonEmptyArray(SurvivorInformed.Topic),
  said: SurvivorInformed.Said,
  language: Locale.Locale,
  toldAt: Schema.optional(Instant),
})

/**
 * The decoded command {@link record} takes (decode untrusted input with
 * `RecordInformed` first: the gateway does, once).
 */
export type RecordInformed = typeof RecordInformed.Type

/**
 * Input of {@link list}: the case and the page.
 */
export const ListInformed = Schema.Struct({
  caseId: Id.CaseId,
  limit: Schema.optionalWith(Pagination.Limit, { default: () => Pagination.defaultLimit }),
  after: Schema.optional(Cursor.Cursor),
})

export type ListInformed = typeof ListInformed.Encoded

/**
 * What the use cases need.
 */
export type Requirements =
  | CaseAuthority.Requirements
  | SurvivorInformedRepository
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

const entry = (
  principal: Principal.Principal,
  authorized: CaseAuthority.Authorized,
  personId: Id.PersonId,
  action: "read" | "write",
): AuditEntry.Draft => ({
  ...AuditEntry.actor(principal),
  mechanismId: authorized.aCase.mechanismId,
  caseId: authorized.aCase.id,
  personId,
  action,
  purpose: "case-management",
})

/**
 * A team member records what the survivor was told. Fails with `NotFound`,
 * `Forbidden` (off the team) or `InvalidInput` (the field named: `personId`,
 * `topics`, `said`, `language`, `toldAt`; a closed case).
 */
export const record = (
  input: RecordInformed,
): Effect.Effect<
  SurvivorInformed.SurvivorInformed,
  Errors.Forbidden | Errors.InvalidInput | Errors.NotFound,
  Requirements
> =>
  Effect.gen(function* () {
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.write")
    yield* CaseAuthority.whileOpen(authorized.aCase)
    const institution = authorized.principal.institution
    // `case.write` needs an institution on the team; the policy has checked it.
    if (institution === undefined) return yield* Effect.dieMessage("case.write allowed without an institution")
    const told = yield* SurvivorInformed.validate(
      {
        id: yield* SurvivorInformed.SurvivorInformedId.generate,
        caseId: input.caseId,
        personId: input.personId,
        topics: input.topics,
        said: input.said,
        language: input.language,
        toldAt: input.toldAt ?? authorized.at,
        toldBy: authorized.principal.id,
        institution,
        recordedAt: authorized.at,
      },
      authorized.aCase,
    )
    const repository = yield* SurvivorInformedRepository
    const audit = yield* AuditLog.AuditLog
    yield* Transaction.run(
      Effect.gen(function* () {
        yield* repository.insert(told)
        yield* audit.append(entry(authorized.principal, authorized, told.personId, "write")).pipe(Effect.orDie)
        yield* Outbox.append({
          topic: "case.survivor.informed",
          aggregateType,
          aggregateId: told.caseId,
          payload: {
            caseId: told.caseId,
            mechanismId: authorized.aCase.mechanismId,
            entryId: told.id,
            personId: told.personId,
            topics: told.topics,
            institutionId: told.institution,
          },
        })
      }),
    )
    return told
  }).pipe(Span.untraced("SurvivorInformation.record"))

/**
 * The case's log, oldest recorded first, a page at a time, for its
 * full-access members; each entry shown is audited. Fails with `NotFound`,
 * `Forbidden` (off the team; `policy.access.summary-only`) or `InvalidInput`.
 */
export const list = (
  raw: ListInformed,
): Effect.Effect<
  Pagination.Page<SurvivorInformed.SurvivorInformed>,
  Errors.Forbidden | Errors.InvalidInput | Errors.NotFound,
  Requirements
> =>
  Effect.gen(function* () {
    const input = yield* decode(ListInformed)(raw)
    const after = yield* PageCursor.afterId(SurvivorInformed.SurvivorInformedId, input.after)
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.summary.read")
    if (authorized.member?.access !== "full")
      return yield* new Errors.Forbidden({ action: "case.summary.read", rule: "policy.access.summary-only" })
    const rows = yield* Effect.flatMap(SurvivorInformedRepository, (repository) =>
      repository.list(input.caseId, { limit: input.limit + 1, after }),
    )
    const page = Pagination.paginate(rows, input.limit, (told) => [told.id])
    if (page.items.length > 0) {
      const audit = yield* AuditLog.AuditLog
      yield* Transaction.run(
        Effect.forEach(
          page.items,
          (told) => audit.append(entry(authorized.principal, authorized, told.personId, "read")).pipe(Effect.orDie),
          { discard: true },
        ),
      )
    }
    return page
  }).pipe(Span.untraced("SurvivorInformation.list"))
