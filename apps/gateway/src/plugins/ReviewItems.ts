/**
 * The human review queue plugins write to (`plugin_review_items`): a record
 * the plugin could not place with certainty — an uncertain person match, a
 * record naming no case — waits here for a coordinator. Candidates are ids
 * only; the details may hold personal data and are sealed with the vault
 * (bound to the item's id), opened only by `read`, which is audited. An item
 * belongs to the mechanisms its plugin serves: a coordinator sees those of
 * their mechanisms, an administrator every item.
 *
 * An item may carry the plugin's proposal — the incident or order update it
 * would have written had it known the case — sealed apart from the details,
 * with the institution that reported it. Resolving the item with a case
 * (`Matched`, `NewCaseOpened`) applies the proposal to that case in the same
 * transaction as the decision, through the capability providers' own code
 * (`IncidentImportProvider.recordOnce`, `ProtectionOrderSyncProvider.applyUpdate`):
 * the provenance names the plugin and the item's source and record id, so the
 * record arriving again later is `unchanged`, never a second incident.
 *
 * Whose authority applies it: the coordinator's who resolves. The decision
 * that this record belongs to this case is theirs, so the case package checks
 * their access to the chosen case (not on its team: `Forbidden`, and nothing
 * changes — the item stays open); the plugin's principal was never allowed to
 * decide it. The plugin's institution is still recorded as the incident's
 * source institution (or the breach's reporter, the order's petitioner).
 */
import type { CaseService } from "@bashke/case"
import { Errors, Id, type Principal } from "@bashke/kernel"
import { SqlValues, Transaction } from "@bashke/persistence"
import { PluginPolicy, ReviewQueue } from "@bashke/plugin-sdk"
import { AuditEntry, AuditLog, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Option, Schema } from "effect"
import * as IncidentImportProvider from "./IncidentImportProvider"
import { PluginPrincipalSettings } from "./PluginConfig"
import * as ProtectionOrderSyncProvider from "./ProtectionOrderSyncProvider"

const aadOf = (id: string) => `plugin-review:${id}`
const proposalAadOf = (id: string) => `plugin-review-proposal:${id}`

/** The plugin's institution (and the petitioner it records), kept with the proposal it made. */
export const Reporter = Schema.Struct({
  institution: PluginPrincipalSettings.fields.institution,
  petitioner: PluginPrincipalSettings.fields.petitioner,
})

export type Reporter = typeof Reporter.Type

// What is sealed in `proposal`: the SDK's proposal and who reported it.
const StoredProposal = Schema.parseJson(
  Schema.Struct({ proposal: ReviewQueue.Proposal, reporter: Schema.optional(Reporter) }),
)

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

/** One item with its opened details and what resolving it with a case would attach. */
export const ReviewDetail = Schema.Struct({
  ...ReviewSummary.fields,
  details: Schema.optional(Schema.Unknown),
  proposal: Schema.optional(ReviewQueue.Proposal),
}).annotations({ identifier: "PluginReviewDetail" })

export type ReviewDetail = typeof ReviewDetail.Type

/** What resolving an item attached to the chosen case. */
export const Attached = Schema.Union(
  Schema.Struct({ incidentId: Id.IncidentId }),
  Schema.Struct({ orderId: Id.ProtectionOrderId }),
).annotations({ identifier: "PluginReviewAttached" })

export type Attached = typeof Attached.Type

/** A resolved item and, when its proposal was applied, what it attached. */
export const ReviewResolved = Schema.Struct({
  ...ReviewSummary.fields,
  attached: Schema.optional(Attached),
}).annotations({ identifier: "PluginReviewResolved" })

export type ReviewResolved = typeof ReviewResolved.Type

interface Row {
  readonly id: string
  readonly plugin: string
  readonly source: string
  readonly record_id: string
  readonly reason: string
  readonly candidates: string
  readonly details: string | null
  readonly proposal?: string | null
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

const invalidProposal = (field: string) => new Errors.InvalidInput({ field, rule: "gateway.input.invalid" })

/**
 * Adds an item unless the plugin already queued this record; answers its id.
 * A proposal naming another record than the item's, or one that does not
 * encode, is refused (`InvalidInput` naming the field).
 */
export const submit = (
  plugin: string,
  mechanisms: ReadonlyArray<string>,
  item: {
    readonly source: string
    readonly recordId: string
    readonly reason: string
    readonly candidates?: ReadonlyArray<{ readonly caseId: string; readonly personId: string }> | undefined
    readonly details?: unknown
    readonly proposal?: ReviewQueue.Proposal | undefined
  },
  reporter?: Reporter,
): Effect.Effect<
  { readonly reviewId: string; readonly created: boolean },
  Errors.InvalidInput,
  SqlClient.SqlClient | Vault.Vault | Id.IdGenerator
> =>
  Effect.gen(function* () {
    const mismatch = ReviewQueue.proposalMismatch(item)
    if (mismatch !== undefined)
      return yield* Effect.fail(new Errors.InvalidInput({ field: mismatch, rule: "plugin.review.proposal-mismatch" }))
    const stored =
      item.proposal === undefined
        ? undefined
        : yield* Schema.encode(StoredProposal)({
            proposal: item.proposal,
            ...(reporter === undefined ? {} : { reporter }),
          }).pipe(Effect.mapError(() => invalidProposal("proposal")))
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const vault = yield* Vault.Vault
    const existing = yield* sql<{ readonly id: string }>`SELECT id FROM plugin_review_items
      WHERE plugin = ${plugin} AND source = ${item.source} AND record_id = ${item.recordId}`.pipe(Effect.orDie)
    if (existing[0] !== undefined) return { reviewId: existing[0].id, created: false }
    const id = yield* Id.EventId.generate
    const details =
      item.details === undefined ? null : yield* Effect.orDie(vault.seal(JSON.stringify(item.details), aadOf(id)))
    const proposal = stored === undefined ? null : yield* Effect.orDie(vault.seal(stored, proposalAadOf(id)))
    const candidates = JSON.stringify(
      (item.candidates ?? []).map((candidate) => ({ caseId: candidate.caseId, personId: candidate.personId })),
    )
    const at = SqlValues.toSql(yield* SqlValues.currentDate)
    const scope = JSON.stringify(mechanisms)
    yield* sql`INSERT INTO plugin_review_items
        (id, plugin, source, record_id, reason, candidates, mechanisms, details, proposal, created_at)
      VALUES (${id}, ${plugin}, ${item.source}, ${item.recordId}, ${item.reason}, ${candidates}, ${scope}, ${details},
        ${proposal}, ${at})`.pipe(Effect.orDie)
    return { reviewId: id as string, created: true }
  })

// Whether the principal sees the item (`PluginPolicy.seesItem`).
const visible = (row: { readonly mechanisms: string }, principal: Principal.Principal): boolean =>
  PluginPolicy.seesItem(JSON.parse(row.mechanisms) as ReadonlyArray<string>, PluginPolicy.reviewScope(principal))

/** Open items first by age (or all), keyset by id, within `scope` (`PluginPolicy.reviewScope`). */
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
    return yield* Option.match(Option.fromNullable(row && visible(row, principal) ? row : undefined), {
      onNone: () => Effect.fail(new Errors.NotFound({ entity: "PluginReviewItem", id: reviewId })),
      onSome: Effect.succeed,
    })
  })

const openProposal = (row: Row) =>
  Effect.gen(function* () {
    if (row.proposal === null || row.proposal === undefined) return undefined
    const vault = yield* Vault.Vault
    const opened = yield* vault.open(row.proposal, proposalAadOf(row.id))
    return yield* Schema.decode(StoredProposal)(opened)
  }).pipe(Effect.orDie)

/** One item with its details and proposal opened; the read is written to the audit log first. */
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
    const stored = yield* openProposal(row)
    return {
      ...toSummary(row),
      ...(details === undefined ? {} : { details }),
      ...(stored === undefined ? {} : { proposal: stored.proposal }),
    }
  })

// A refusal of the proposal's own content names its field under `proposal.`;
// the chosen case's (closed: `caseId`) and every other refusal pass as they are.
const inProposal =
  (path: string) =>
  (error: Errors.DomainError): Errors.DomainError =>
    error._tag === "InvalidInput" && error.field !== "caseId"
      ? new Errors.InvalidInput({ field: `${path}.${error.field}`, rule: error.rule })
      : error

/**
 * Applies an item's proposal to `caseId` as `principal` (see the module's
 * note on authority): what it attached.
 */
const attach = (
  row: Row,
  proposal: ReviewQueue.Proposal,
  reporter: Reporter | undefined,
  caseId: Id.CaseId,
  principal: Principal.Principal,
): Effect.Effect<Attached, Errors.DomainError, SqlClient.SqlClient | CaseService.CaseService> =>
  Effect.gen(function* () {
    // A plugin without a principal may queue items but writes nothing, here as through its capabilities.
    if (reporter === undefined) return yield* Effect.fail(PluginPolicy.unattended())
    if (proposal._tag === "Incident") {
      // Imported before (the record matched after all): attached only to the case it is in.
      const known = yield* IncidentImportProvider.provenanceOf(row.plugin, proposal.incident)
      if (!ReviewQueue.fitsChosenCase(Option.getOrUndefined(known)?.caseId, caseId))
        return yield* Effect.fail(new Errors.InvalidInput({ field: "caseId", rule: "gateway.input.invalid" }))
      const recorded = yield* IncidentImportProvider.recordOnce(
        row.plugin,
        { ...proposal.incident, caseId },
        { principal, settings: reporter },
      ).pipe(Effect.mapError(inProposal("proposal.incident")))
      return { incidentId: recorded.incidentId }
    }
    const update = proposal.update
    const applied = yield* ProtectionOrderSyncProvider.applyUpdate(
      row.plugin,
      { ...update, caseId },
      { principal, settings: reporter },
    ).pipe(Effect.mapError(inProposal("proposal.update")))
    // Even with its case, an update that is not an order's first (requested or issued, with its kind) opens none.
    if (applied.orderId === undefined)
      return yield* Effect.fail(
        invalidProposal(update.kind === undefined ? "proposal.update.kind" : "proposal.update.status"),
      )
    return { orderId: applied.orderId }
  })

const alreadyResolved = (reviewId: string) =>
  new Errors.Conflict({ entity: "PluginReviewItem", id: reviewId, rule: "gateway.input.invalid" })

/**
 * Resolves an item, once. With a case (`Matched`, `NewCaseOpened`) its
 * proposal is applied to that case in the same transaction as the decision:
 * a refusal (no access to the case, a closed case, a field the case package
 * refuses) leaves the item open and nothing attached. `Dismissed` applies
 * nothing. The application of a proposal is audited as a write to the case.
 */
export const resolve = (
  reviewId: string,
  resolution: Resolution,
  principal: Principal.Principal,
): Effect.Effect<
  ReviewResolved,
  Errors.DomainError,
  SqlClient.SqlClient | Vault.Vault | AuditLog.AuditLog | CaseService.CaseService
> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const row = yield* load(reviewId, principal)
    if (row.resolved_at !== null && row.resolved_at !== undefined) return yield* Effect.fail(alreadyResolved(reviewId))
    const stored = resolution._tag === "Dismissed" ? undefined : yield* openProposal(row)
    const audit = yield* AuditLog.AuditLog
    return yield* Transaction.within(sql)(
      Effect.gen(function* () {
        const at = SqlValues.toSql(yield* SqlValues.currentDate)
        // The claim comes first: a concurrent resolution waits on the row (PostgreSQL) or the
        // one writer (SQLite), then finds it resolved.
        const claimed = yield* sql<{ readonly id: string }>`UPDATE plugin_review_items
            SET resolved_at = ${at}, resolved_by = ${principal.id}, resolution = ${JSON.stringify(resolution)}
          WHERE id = ${reviewId} AND resolved_at IS NULL RETURNING id`
        if (claimed.length === 0) return yield* Effect.fail(alreadyResolved(reviewId))
        if (stored === undefined || resolution._tag === "Dismissed")
          return { ...toSummary(row), resolved: true, resolution }
        const attached = yield* attach(row, stored.proposal, stored.reporter, resolution.caseId, principal)
        yield* audit
          .append({
            ...AuditEntry.actor(principal),
            caseId: resolution.caseId,
            action: "write",
            purpose: "case-management",
          })
          .pipe(Effect.orDie)
        return { ...toSummary(row), resolved: true, resolution, attached }
      }),
    )
  })
