/**
 * The `CaseTransferRepository` on `@effect/sql`, for SQLite and PostgreSQL
 * alike, over `case_transfers` (migration 16): ids, statuses and instants,
 * nothing personal.
 */
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option } from "effect"
import { CaseTransfer } from "./CaseTransfer"
import { CaseTransferRepository, type Service } from "./CaseTransferRepository"

type Row = Record<string, unknown>

/**
 * The adapter over the `SqlClient` in context.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const decode = SqlValues.decodeStored(CaseTransfer)
  const fromRow = (row: Row) =>
    decode(
      SqlValues.defined({
        id: row.id,
        caseId: row.case_id,
        from: row.from_mechanism_id,
        to: row.to_mechanism_id,
        status: row.status,
        proposedBy: row.proposed_by,
        proposedAt: SqlValues.fromSql(row.proposed_at),
        decidedBy: row.decided_by ?? undefined,
        decidedAt: SqlValues.fromSql(row.decided_at),
        lead: row.lead_institution ?? undefined,
      }),
    )
  const one = (rows: ReadonlyArray<Row>) =>
    rows[0] === undefined ? Effect.succeed(Option.none()) : Effect.map(fromRow(rows[0]), Option.some)

  const insert: Service["insert"] = (transfer) =>
    sql`INSERT INTO case_transfers ${sql.insert({
      id: transfer.id,
      case_id: transfer.caseId,
      from_mechanism_id: transfer.from,
      to_mechanism_id: transfer.to,
      status: transfer.status,
      proposed_by: transfer.proposedBy,
      proposed_at: SqlValues.toSql(transfer.proposedAt),
    })}`.pipe(Effect.asVoid, Effect.orDie, Span.untraced("SqlCaseTransferRepository.insert"))

  const decide: Service["decide"] = (transfer) =>
    sql`UPDATE case_transfers SET ${sql.update({
      status: transfer.status,
      decided_by: transfer.decidedBy ?? null,
      decided_at: SqlValues.toSqlOrNull(transfer.decidedAt),
      lead_institution: transfer.lead ?? null,
    })} WHERE id = ${transfer.id} AND status = 'proposed'`.pipe(
      Effect.asVoid,
      Effect.orDie,
      Span.untraced("SqlCaseTransferRepository.decide"),
    )

  const find: Service["find"] = (id) =>
    sql<Row>`SELECT * FROM case_transfers WHERE id = ${id}`.pipe(
      Effect.flatMap(one),
      Effect.orDie,
      Span.untraced("SqlCaseTransferRepository.find"),
    )

  const pendingOf: Service["pendingOf"] = (caseId) =>
    sql<Row>`SELECT * FROM case_transfers WHERE case_id = ${caseId} AND status = 'proposed'`.pipe(
      Effect.flatMap(one),
      Effect.orDie,
      Span.untraced("SqlCaseTransferRepository.pendingOf"),
    )

  const pendingFor: Service["pendingFor"] = (mechanismId) =>
    sql<Row>`SELECT * FROM case_transfers WHERE status = 'proposed'
      AND (from_mechanism_id = ${mechanismId} OR to_mechanism_id = ${mechanismId}) ORDER BY id`.pipe(
      Effect.flatMap((rows) => Effect.forEach(rows, fromRow)),
      Effect.orDie,
      Span.untraced("SqlCaseTransferRepository.pendingFor"),
    )

  return { insert, decide, find, pendingOf, pendingFor }
})

export const layer: Layer.Layer<CaseTransferRepository, never, SqlClient.SqlClient> = Layer.effect(
  CaseTransferRepository,
  make,
)
