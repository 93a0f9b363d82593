/**
 * `notices:send`: before a plugin tells another institution about a case (a
 * referral sent to the police, …), the gateway checks the survivor's
 * consents on the case for that recipient and purpose, with the security
 * package's consent rule. Allowed: the notice is kept (`plugin_notices`) and
 * its content holds ids and codes only; refused: the rule says why. The
 * plugin reports the delivery with `recordOutcome`.
 */
import { CaseService, Consent } from "@bashke/case"
import { Errors, Id, Principal } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { Notices } from "@bashke/plugin-sdk"
import { AccessPolicy } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Schema } from "effect"
import { actingAs, PluginPrincipals } from "./PluginConfig"

const isPurpose = Schema.is(Consent.ConsentPurpose)

/**
 * Whether the case's consents let `recipient` receive a notice for `purpose`
 * at `at`: `undefined` when allowed, else the rule that refuses it.
 */
export const refusal = (
  consents: ReadonlyArray<Consent.Consent>,
  recipient: Id.InstitutionId,
  purpose: string,
  at: Date,
): string | undefined => {
  if (!isPurpose(purpose)) return "case.consent.purpose.unknown"
  const covering = consents
    .map(Consent.toPolicyConsent)
    .filter((consent) => AccessPolicy.covers(consent, recipient, undefined, purpose))
  if (covering.some((consent) => AccessPolicy.inForce(consent, at))) return undefined
  if (covering.length === 0) return "policy.consent.not-covered"
  const withdrawn = covering.some((c) => c.withdrawnAt !== undefined && c.withdrawnAt.getTime() <= at.getTime())
  return withdrawn ? "policy.consent.withdrawn" : "policy.consent.not-in-force"
}

export const layer: Layer.Layer<
  Notices.Notices,
  never,
  CaseService.CaseService | SqlClient.SqlClient | Id.IdGenerator | PluginPrincipals
> = Layer.effect(
  Notices.Notices,
  Effect.gen(function* () {
    const cases = yield* CaseService.CaseService
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const principals = yield* PluginPrincipals
    const context = yield* Effect.context<Id.IdGenerator>()

    const authorize = (pluginId: string, pluginName: string) => (request: Notices.NoticeRequest) =>
      Effect.gen(function* () {
        const { principal } = yield* actingAs(principals, pluginName)
        // Reading the case checks the plugin's institution is on its team.
        const aCase = yield* cases
          .read({ caseId: request.caseId })
          .pipe(Effect.provideService(Principal.CurrentPrincipal, principal))
        const at = yield* SqlValues.currentDate
        const rule = refusal(aCase.consents, request.recipient, request.purpose, at)
        if (rule !== undefined) return { _tag: "Refused", rule } as const
        const noticeId = yield* Id.EventId.generate.pipe(Effect.provide(context))
        yield* sql`INSERT INTO plugin_notices (id, plugin, case_id, recipient, purpose, kind, reference, allowed_at)
          VALUES (${noticeId}, ${pluginId}, ${request.caseId}, ${request.recipient}, ${request.purpose},
            ${request.kind}, ${request.reference}, ${SqlValues.toSql(at)})`.pipe(Effect.orDie)
        return {
          _tag: "Allowed",
          noticeId: noticeId as string,
          content: {
            noticeId,
            caseId: aCase.id,
            caseReference: aCase.reference,
            recipient: request.recipient,
            purpose: request.purpose,
            kind: request.kind,
            reference: request.reference,
          },
        } as const
      })

    const recordOutcome = (pluginId: string) => (noticeId: string, outcome: Notices.NoticeOutcome) =>
      Effect.gen(function* () {
        const rows = yield* sql<{ readonly id: string }>`SELECT id FROM plugin_notices
          WHERE id = ${noticeId} AND plugin = ${pluginId}`.pipe(Effect.orDie)
        if (rows[0] === undefined)
          return yield* Effect.fail(new Errors.NotFound({ entity: "PluginNotice", id: noticeId }))
        const detail = outcome._tag === "Sent" ? (outcome.reference ?? null) : outcome.code
        const at = SqlValues.toSql(yield* SqlValues.currentDate)
        yield* sql`UPDATE plugin_notices SET outcome = ${outcome._tag}, outcome_detail = ${detail}, outcome_at = ${at}
          WHERE id = ${noticeId} AND plugin = ${pluginId}`.pipe(Effect.orDie)
      })

    return {
      forPlugin: (plugin) => ({
        authorize: authorize(plugin.id, plugin.name),
        recordOutcome: recordOutcome(plugin.id),
      }),
    }
  }),
)
