/**
 * The audit log: one entry per read or write of personal data, append-only and
 * hash-chained (see `AuditChain`), answering "who saw this survivor's file, and
 * why?" with `forCase` and `forPerson`.
 *
 * Appends join the caller's transaction, so the data and its audit entry commit
 * together or not at all, and are serialized so the chain never forks: on
 * PostgreSQL the head row is locked (`SELECT … FOR UPDATE`) until commit; on
 * SQLite the client has one connection and one writer. The database's triggers
 * refuse an entry that does not follow the head in any case.
 */
import { type Errors, Id, Instant, Span } from "@bashke/kernel"
import { LeanStatement } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Either, Layer, Option, Schema } from "effect"
import * as AuditChain from "./AuditChain"
import * as AuditEntry from "./AuditEntry"
import * as Vault from "./Vault"

export interface Service {
  /**
   * Checks the draft (`AuditEntry.check`: a purpose, a reason for break-glass),
   * then links it to the chain and writes it in the caller's transaction (or its
   * own). A refused draft writes nothing and fails with `InvalidInput` naming
   * the field and the rule, never a value.
   */
  readonly append: (draft: AuditEntry.Draft) => Effect.Effect<AuditEntry.AuditEntry, Errors.InvalidInput>
  /**
   * `append` for each draft, in order, as one link of the chain after
   * another, in one transaction: the head read and locked once (a bulk
   * import's reads). All or none: one refused draft writes nothing.
   */
  readonly appendAll: (
    drafts: ReadonlyArray<AuditEntry.Draft>,
  ) => Effect.Effect<ReadonlyArray<AuditEntry.AuditEntry>, Errors.InvalidInput>
  /**
   * Verifies the whole chain against the head, in one consistent snapshot,
   * page by page. Call it outside other transactions.
   */
  readonly verify: Effect.Effect<AuditChain.Verdict>
  /**
   * `verify`, then checks that the chain still holds a head published earlier
   * (`anchor-mismatch` otherwise): this finds a tail cut off together with the
   * head, which the database alone cannot show.
   */
  readonly verifyAgainst: (anchor: AuditChain.Head) => Effect.Effect<AuditChain.Verdict>
  /** The current head: publish it elsewhere now and then, to anchor the chain. */
  readonly head: Effect.Effect<AuditChain.Head>
  /** Every entry about a case, oldest first: who read or wrote it, and why. */
  readonly forCase: (caseId: Id.CaseId) => Effect.Effect<ReadonlyArray<AuditEntry.AuditEntry>>
  /** Every entry about a person, oldest first. */
  readonly forPerson: (personId: Id.PersonId) => Effect.Effect<ReadonlyArray<AuditEntry.AuditEntry>>
  /**
   * Up to `limit` entries about a case or a person after `afterSeq`, oldest
   * first: a page read in SQL.
   */
  readonly page: (query: {
    readonly about: { readonly caseId: Id.CaseId } | { readonly personId: Id.PersonId }
    readonly afterSeq: number
    readonly limit: number
  }) => Effect.Effect<ReadonlyArray<AuditEntry.AuditEntry>>
}

export class AuditLog extends Context.Tag("@bashke/security/AuditLog")<AuditLog, Service>() {}

/**
 * Where a break-glass reason is sealed: bound to its entry, so it cannot be
 * moved to another one.
 */
export const reasonAad = (id: string): string => `audit:${id}:reason`

const SqlInteger = Schema.Union(Schema.Int, Schema.NumberFromString.pipe(Schema.int()))
// A timestamp as a driver returns it: a `Date` (node-postgres by default) or text.
const SqlTimestamp = Schema.Union(Schema.DateFromSelf, Schema.String)
const SqlBoolean = Schema.Union(
  Schema.Boolean,
  Schema.transform(Schema.Literal(0, 1), Schema.Boolean, {
    strict: true,
    decode: (bit) => bit === 1,
    encode: (flag) => (flag ? 1 : 0),
  }),
)
const nullable = <S extends Schema.Schema.Any>(schema: S) => Schema.optional(Schema.NullOr(schema))

// A row as stored, decoded leniently: a tampered row must reach the verifier
// (which names where the chain breaks), not fail to decode.
const Row = Schema.Struct({
  seq: SqlInteger,
  id: Schema.String,
  at: SqlTimestamp,
  principal_id: Schema.String,
  institution_id: nullable(Schema.String),
  mechanism_id: nullable(Schema.String),
  case_id: nullable(Schema.String),
  person_id: nullable(Schema.String),
  action: Schema.String,
  purpose: Schema.String,
  reason: nullable(Schema.String),
  break_glass: SqlBoolean,
  prev_hash: Schema.String,
  hash: Schema.String,
})
type Row = typeof Row.Type

const HeadRow = Schema.Struct({ seq: SqlInteger, hash: Schema.String })
// Decoders built once, with the module.
const decodeRows = Schema.decodeUnknown(Schema.Array(Row))
const decodeHead = Schema.decodeUnknown(HeadRow)

const columns =
  "seq, id, at, principal_id, institution_id, mechanism_id, case_id, person_id, action, purpose, reason, break_glass, prev_hash, hash"

const pageSize = 500

// Entries an insert on SQLite: 14 parameters each, well under its limit.
const rowsPerInsert = 500

/**
 * The SQL adapter, over the tables of `securityMigrations`. Needs the vault (for
 * break-glass reasons) and an id generator.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | Vault.Vault | Id.IdGenerator> = Effect.gen(
  function* () {
    // Literal snake_case names, whatever transforms the application's client has.
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const vault = yield* Vault.Vault
    const ids = yield* Id.IdGenerator
    const selected = sql.literal(columns)

    const readHead = (lock: boolean) =>
      Effect.gen(function* () {
        const rows = lock
          ? yield* sql.onDialectOrElse({
              pg: () => sql`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`,
              // On the lean way (ADR 0041): one append on every personal read.
              orElse: () => LeanStatement.run(sql, sql`SELECT seq, hash FROM audit_head WHERE id = 1`),
            })
          : yield* LeanStatement.run(sql, sql`SELECT seq, hash FROM audit_head WHERE id = 1`)
        return rows[0] === undefined ? undefined : yield* decodeHead(rows[0])
      })

    // The entry a row holds, its reason opened. `unreadable` when a part of it
    // cannot be read as written by `append` (a sealed reason that does not open
    // for this entry, a malformed time): the caller decides what that means.
    const toEntry = (row: Row) =>
      Effect.gen(function* () {
        let reason: string | undefined
        let unreadable = false
        if (row.reason !== null && row.reason !== undefined) {
          const opened = yield* Effect.either(vault.open(row.reason, reasonAad(row.id)))
          if (Either.isRight(opened)) reason = opened.right
          else if (opened.left.reason === "unknown-key") return yield* Effect.die(opened.left)
          else unreadable = true
        }
        const at = typeof row.at === "string" ? new Date(row.at) : row.at
        // An unreadable time was edited; the epoch stands in, so the hash fails.
        if (Number.isNaN(at.getTime())) unreadable = true
        // Cast, not decode: a tampered row keeps whatever it holds and fails the hash.
        const entry = {
          seq: row.seq,
          id: row.id,
          at: Number.isNaN(at.getTime()) ? new Date(0) : at,
          principalId: row.principal_id,
          ...(row.institution_id == null ? {} : { institutionId: row.institution_id }),
          ...(row.mechanism_id == null ? {} : { mechanismId: row.mechanism_id }),
          ...(row.case_id == null ? {} : { caseId: row.case_id }),
          ...(row.person_id == null ? {} : { personId: row.person_id }),
          action: row.action,
          purpose: row.purpose,
          ...(reason === undefined ? {} : { reason }),
          breakGlass: row.break_glass,
          prevHash: row.prev_hash,
          hash: row.hash,
        } as AuditEntry.AuditEntry
        return { entry, unreadable }
      })

    const rowOf = (entry: AuditEntry.AuditEntry, sealedReason: string | null) => ({
      seq: entry.seq,
      id: entry.id,
      at: entry.at.toISOString(),
      principal_id: entry.principalId,
      institution_id: entry.institutionId ?? null,
      mechanism_id: entry.mechanismId ?? null,
      case_id: entry.caseId ?? null,
      person_id: entry.personId ?? null,
      action: entry.action,
      purpose: entry.purpose,
      reason: sealedReason,
      break_glass: sql.onDialectOrElse({
        pg: () => entry.breakGlass,
        orElse: () => (entry.breakGlass ? 1 : 0),
      }),
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })

    // Links the checked drafts after the head and writes them, in one
    // transaction. The database lets an entry in only right after the head
    // and moves the head to each entry as it goes in (migrations 1 and 3), so
    // the head is read (and locked) once for all of them, and the entries go
    // in as multi-row inserts on SQLite, which checks and moves row by row;
    // on PostgreSQL, whose AFTER trigger runs at the end of a statement, one
    // entry a statement.
    // On the lean way on SQLite (ADR 0041): one append on every personal read.
    const linkAll = (checked: ReadonlyArray<AuditEntry.Fields>) =>
      LeanStatement.withTransaction(
        sql,
        Effect.gen(function* () {
          const head = yield* readHead(true)
          if (head === undefined) return yield* Effect.dieMessage("audit_head is missing: run securityMigrations")
          // One instant and one draw of ids for the whole append: its entries are one act,
          // written in one transaction; an effect per entry cost more than its hash.
          const at = yield* Instant.now
          const made = yield* ids.nextMany(checked.length)
          const entries = yield* AuditChain.linkAll(
            { seq: head.seq, hash: head.hash as AuditEntry.Hash },
            checked.map((fields, index) => ({ id: Id.EventId.make(made[index] as string), at, fields })),
          )
          const rows: Array<ReturnType<typeof rowOf>> = []
          for (const entry of entries)
            rows.push(
              rowOf(entry, entry.reason === undefined ? null : yield* vault.seal(entry.reason, reasonAad(entry.id))),
            )
          const perStatement = sql.onDialectOrElse({ pg: () => 1, orElse: () => rowsPerInsert })
          for (let from = 0; from < rows.length; from += perStatement)
            yield* LeanStatement.run(
              sql,
              sql`INSERT INTO audit_log ${sql.insert(rows.slice(from, from + perStatement))}`,
            )
          return entries
        }),
      ).pipe(Effect.catchTags({ SqlError: Effect.die, ParseError: Effect.die }))

    const append: Service["append"] = (draft) =>
      Either.match(AuditEntry.check(draft), {
        onLeft: (error) => Effect.fail(error),
        onRight: (fields) =>
          linkAll([fields]).pipe(
            Effect.map((entries) => entries[0] as AuditEntry.AuditEntry),
            Span.untraced("AuditLog.append", { action: fields.action, purpose: fields.purpose }),
          ),
      })

    const appendAll: Service["appendAll"] = (drafts) =>
      Effect.suspend(() => {
        if (drafts.length === 0) return Effect.succeed([])
        const checked: Array<AuditEntry.Fields> = []
        for (const draft of drafts) {
          const fields = AuditEntry.check(draft)
          if (Either.isLeft(fields)) return Effect.fail(fields.left)
          checked.push(fields.right)
        }
        return linkAll(checked).pipe(Span.untraced("AuditLog.appendAll", { entries: checked.length }))
      })

    const head: Service["head"] = readHead(false).pipe(
      Effect.map((row) =>
        row === undefined ? AuditChain.emptyHead : { seq: row.seq, hash: row.hash as AuditEntry.Hash },
      ),
      Effect.orDie,
    )

    // A snapshot for the whole check, so concurrent appends neither show up half
    // way (a false "head-mismatch") nor hide anything.
    const snapshot = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      Effect.flatMap(Effect.serviceOption(SqlClient.TransactionConnection), (outer) =>
        Option.isSome(outer)
          ? effect
          : sql.withTransaction(
              Effect.zipRight(
                sql.onDialectOrElse({
                  pg: () => sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`,
                  orElse: () => Effect.succeed([]),
                }),
                effect,
              ),
            ),
      )

    const verify: Service["verify"] = snapshot(
      Effect.gen(function* () {
        const headRow = yield* readHead(false)
        const chain = AuditChain.verifier()
        let after: number | undefined
        while (true) {
          const rows = yield* decodeRows(
            after === undefined
              ? yield* sql`SELECT ${selected} FROM audit_log ORDER BY seq LIMIT ${pageSize}`
              : yield* sql`SELECT ${selected} FROM audit_log WHERE seq > ${after} ORDER BY seq LIMIT ${pageSize}`,
          )
          for (const row of rows) {
            const { entry, unreadable } = yield* toEntry(row)
            const verdict = yield* chain.check(entry)
            if (verdict !== undefined) return verdict
            // In its place but not as `append` wrote it: a reason sealed for another
            // entry (even one that had no reason), or an edited time.
            if (unreadable) return { ok: false, firstBrokenSeq: row.seq, reason: "hash-mismatch" } as AuditChain.Verdict
            after = row.seq
          }
          if (rows.length < pageSize) break
        }
        return chain.finish(
          headRow === undefined ? undefined : { seq: headRow.seq, hash: headRow.hash as AuditEntry.Hash },
        )
      }),
    ).pipe(Effect.orDie, Span.untraced("AuditLog.verify"))

    const verifyAgainst: Service["verifyAgainst"] = (anchor) =>
      Effect.gen(function* () {
        const verdict = yield* verify
        const rows = yield* sql`SELECT seq, hash FROM audit_log WHERE seq = ${anchor.seq}`
        const row = rows[0] === undefined ? undefined : yield* decodeHead(rows[0])
        return AuditChain.checkAnchor(verdict, row, anchor)
      }).pipe(Effect.orDie, Span.untraced("AuditLog.verifyAgainst"))

    const entriesWhere = (rows: Effect.Effect<ReadonlyArray<unknown>, unknown>) =>
      rows.pipe(
        Effect.flatMap(decodeRows),
        Effect.flatMap((rows) => Effect.all(rows.map(toEntry))),
        // A reason that no longer opens for its entry was tampered with: that is
        // for `verify` to report, not something to show as an answer.
        Effect.flatMap((read) =>
          Effect.all(
            read.map(({ entry, unreadable }) =>
              unreadable
                ? Effect.die(new Vault.VaultError({ reason: "authentication-failed" }))
                : Effect.succeed(entry),
            ),
          ),
        ),
        Effect.orDie,
      )

    const forCase: Service["forCase"] = (caseId) =>
      entriesWhere(sql`SELECT ${selected} FROM audit_log WHERE case_id = ${caseId} ORDER BY seq`).pipe(
        Span.untraced("AuditLog.forCase"),
      )

    const forPerson: Service["forPerson"] = (personId) =>
      entriesWhere(sql`SELECT ${selected} FROM audit_log WHERE person_id = ${personId} ORDER BY seq`).pipe(
        Span.untraced("AuditLog.forPerson"),
      )

    const page: Service["page"] = ({ about, afterSeq, limit }) =>
      entriesWhere(
        "caseId" in about
          ? sql`SELECT ${selected} FROM audit_log WHERE case_id = ${about.caseId} AND seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`
          : sql`SELECT ${selected} FROM audit_log WHERE person_id = ${about.personId} AND seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`,
      ).pipe(Span.untraced("AuditLog.page"))

    return { append, appendAll, verify, verifyAgainst, head, forCase, forPerson, page }
  },
)

export const layer: Layer.Layer<AuditLog, never, SqlClient.SqlClient | Vault.Vault | Id.IdGenerator> = Layer.effect(
  AuditLog,
  make,
)
