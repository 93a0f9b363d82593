/**
 * The human review queue plugins write to (`plugin_review_items`): a record
 * the plugin could not place with certainty — an uncertain person match, a
 * record naming no case — waits here for a coordinator. Candidates are ids
 * only; the details may hold personal data and are sealed with the vault
 * (bound to the item's id), opened only by `read`, which is audited. An item
 * belongs to the mechanisms its plugin serves: a coordinator sees those of
 * their mechanisms, an administrator every item.
 */
import { Errors, Id, type Principal } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { AuditEntry, AuditLog, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Option, Schema } from "effect"

const aadOf = (id: string) => `plugin-review:${id}`

/** How a coordinator resolved an item: the case and person it is, or a new case was opened. */
export const Resolution = Schema.Union(
  Schema.TaggedStruct("Matched", { caseId: Id.CaseId, personId: Schema.optional(Id.PersonId) }),
  Schema.TaggedStruct("NewCaseOpened", { caseId: Id.CaseId }),
  Schema.TaggedStruct("Dismissed", {}),
).annotations({ identifier: "PluginReviewResolution" })

export type Resolution = typeof Resolution.Type

/** A review item as coordinators list it: no details. */
export const ReviewSummary = Schema.Struct({
  id: Schema.String,
  plugin: Schema.String,
  source: Schema.String,
  recordId: Schema.String,
  reason: Schema.String,
  candidates: Schema.Array(Schema.Struct({ caseId: Id.CaseId, personId: Id.PersonId })),
  createdAt: Schema.Date,
  resolved: Schema.Boolean,
  resolution: Schema.optional(Resolution),
}).annotations({ identifier: "PluginReviewSummary" })

export type ReviewSummary = typeof ReviewSummary.Type

/** One item with its opened details. */
export const ReviewDetail = Schema.Struct({
  ...ReviewSummary.fields,
  details: Schema.optional(Schema.Unknown),
}).annotations({ identifier: "PluginReviewDetail" })

export type ReviewDetail = typeof ReviewDetail.Type

interface Row {
  readonly id: string
  readonly plugin: string
  readonly source: string
  readonly record_id: string
  readonly reason: string
  readonly candidates: string
  readonly details: string | null
  readonly created_at: unknown
  readonly resolved_at: unknown
  readonly resolution: string | null
  readonly mechanisms: string
}

const Candidates = Schema.parseJson(Schema.Array(Schema.Struct({ caseId: Id.CaseId, personId: Id.PersonId })))
const decodeCandidates = Schema.decodeUnknownSync(Candidates)
const decodeResolution = Schema.decodeUnknownSync(Schema.parseJson(Resolution))

const toSummary = (row: Row): ReviewSummary => ({
  id: row.id,
  plugin: row.plugin,
  source: row.source,
  recordId: row.record_id,
  reason: row.reason,
  candidates: decodeCandidates(row.candidates),
  createdAt: new Date(SqlValues.fromSql(row.created_at) ?? 0),
  resolved: row.resolved_at !== null && row.resolved_at !== undefined,
  ...(row.resolution === null ? {} : { resolution: decodeResolution(row.resolution) }),
})

/** Adds an item unless the plugin already queued this record; answers its id. */
export const submit = (
  plugin: string,
  mechanisms: ReadonlyArray<string>,
  item: {
    readonly source: string
    readonly recordId: string
    readonly reason: string
    readonly candidates?: ReadonlyArray<{ readonly caseId: string; readonly personId: string }> | undefined
    readonly details?: unknown
  },
): Effect.Effect<
  { readonly reviewId: string; readonly created: boolean },
  never,
  SqlClient.SqlClient | Vault.Vault | Id.IdGenerator
> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const vault = yield* Vault.Vault
    const existing = yield* sql<{ readonly id: string }>`SELECT id FROM plugin_review_items
      WHERE plugin = ${plugin} AND source = ${item.source} AND record_id = ${item.recordId}`
    if (existing[0] !== undefined) return { reviewId: existing[0].id, created: false }
    const id = yield* Id.EventId.generate
    const details = item.details === undefined ? null : yield* vault.seal(JSON.stringify(item.details), aadOf(id))
    const candidates = JSON.stringify(
      (item.candidates ?? []).map((candidate) => ({ caseId: candidate.caseId, personId: candidate.personId })),
    )
    const at = SqlValues.toSql(yield* SqlValues.currentDate)
    const scope = JSON.stringify(mechanisms)
    yield* sql`INSERT INTO plugin_review_items
        (id, plugin, source, record_id, reason, candidates, mechanisms, details, created_at)
      VALUES (${id}, ${plugin}, ${item.source}, ${item.recordId}, ${item.reason}, ${candidates}, ${scope}, ${details},
        ${at})`
    return { reviewId: id as string, created: true }
  }).pipe(Effect.orDie)

/** Open items first by age (or all), keyset by id. */
/** The mechanisms whose items a principal sees; `undefined`: all (administrators). */
export const scopeOf = (principal: Principal.Principal): ReadonlyArray<string> | undefined =>
  principal.roles.includes("administrator") ? undefined : principal.mechanisms

const visible = (row: { readonly mechanisms: string }, scope: ReadonlyArray<string> | undefined): boolean => {
  if (scope === undefined) return true
  const of = JSON.parse(row.mechanisms) as ReadonlyArray<string>
  return of.some((mechanism) => scope.includes(mechanism))
}

export const list = (options: {
  readonly scope: ReadonlyArray<string> | undefined
  readonly open: boolean
  readonly limit: number
  readonly after?: string | undefined
}): Effect.Effect<ReadonlyArray<ReviewSummary>, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const rows = yield* sql<Row>`SELECT id, plugin, source, record_id, reason, candidates, mechanisms, NULL AS details,
        created_at, resolved_at, resolution
      FROM plugin_review_items
      WHERE ${options.open ? sql`resolved_at IS NULL` : sql`1 = 1`}
        AND ${options.after === undefined ? sql`1 = 1` : sql`id > ${options.after}`}
        AND ${
          options.scope === undefined
            ? sql`1 = 1`
            : options.scope.length === 0
              ? sql`1 = 0`
              : sql.or(options.scope.map((mechanism) => sql`mechanisms LIKE ${`%"${mechanism}"%`}`))
        }
      ORDER BY id LIMIT ${options.limit}`
    return rows.map(toSummary)
  }).pipe(Effect.orDie)

// An item outside the principal's mechanisms is not found: its existence is not revealed.
const load = (reviewId: string, principal: Principal.Principal) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const rows = yield* sql<Row>`SELECT * FROM plugin_review_items WHERE id = ${reviewId}`.pipe(Effect.orDie)
    const row = rows[0]
    return yield* Option.match(Option.fromNullable(row && visible(row, scopeOf(principal)) ? row : undefined), {
      onNone: () => Effect.fail(new Errors.NotFound({ entity: "PluginReviewItem", id: reviewId })),
      onSome: Effect.succeed,
    })
  })

/** One item with its details opened; the read is written to the audit log first. */
export const read = (
  reviewId: string,
  principal: Principal.Principal,
): Effect.Effect<ReviewDetail, Errors.NotFound, SqlClient.SqlClient | Vault.Vault | AuditLog.AuditLog> =>
  Effect.gen(function* () {
    const row = yield* load(reviewId, principal)
    const vault = yield* Vault.Vault
    const audit = yield* AuditLog.AuditLog
    const [first] = decodeCandidates(row.candidates)
    yield* audit
      .append({
        ...AuditEntry.actor(principal),
        ...(first === undefined ? {} : { caseId: first.caseId }),
        action: "read",
        purpose: "case-management",
      })
      .pipe(Effect.orDie)
    const details =
      row.details === null ? undefined : JSON.parse(yield* Effect.orDie(vault.open(row.details, aadOf(row.id))))
    return { ...toSummary(row), ...(details === undefined ? {} : { details }) }
  })

/** Records how an item was resolved; an item is resolved once. */
export const resolve = (
  reviewId: string,
  resolution: Resolution,
  principal: Principal.Principal,
): Effect.Effect<ReviewSummary, Errors.NotFound | Errors.Conflict, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const row = yield* load(reviewId, principal)
    if (row.resolved_at !== null && row.resolved_at !== undefined)
      return yield* Effect.fail(
        new Errors.Conflict({ entity: "PluginReviewItem", id: reviewId, rule: "gateway.input.invalid" }),
      )
    const at = SqlValues.toSql(yield* SqlValues.currentDate)
    const stored = JSON.stringify(resolution)
    yield* sql`UPDATE plugin_review_items SET resolved_at = ${at}, resolved_by = ${principal.id},
        resolution = ${stored}
      WHERE id = ${reviewId} AND resolved_at IS NULL`.pipe(Effect.orDie)
    return { ...toSummary(row), resolved: true, resolution }
  })
