/**
 * `notices:send`: before a plugin tells an institution about a case (a
 * referral sent to a shelter, …), the gateway decides with the security
 * package's `NoticePolicy` — the same rule the SDK's test kit applies: the
 * receiver of an open referral of the case may be told about it, otherwise
 * the plugin's institution must be on the case team with full access, and
 * either way a consent in force must cover the recipient and purpose.
 * Allowed: the notice is kept (`plugin_notices`, once per plugin, case,
 * recipient and reference) and its content holds ids and codes only;
 * refused: the rule says why. The plugin reports the delivery with
 * `recordOutcome`.
 */
import { CaseNoticeFacts } from "@bashke/case"
import { Errors, Id } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { Notices } from "@bashke/plugin-sdk"
import { Referral, ReferralService } from "@bashke/referral"
import { NoticePolicy } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { actingAs, PluginPrincipals } from "./PluginConfig"

export const layer: Layer.Layer<
  Notices.Notices,
  never,
  | CaseNoticeFacts.CaseNoticeFacts
  | ReferralService.ReferralService
  | SqlClient.SqlClient
  | Id.IdGenerator
  | PluginPrincipals
> = Layer.effect(
  Notices.Notices,
  Effect.gen(function* () {
    const cases = yield* CaseNoticeFacts.CaseNoticeFacts
    const referrals = yield* ReferralService.ReferralService
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const principals = yield* PluginPrincipals
    const context = yield* Effect.context<Id.IdGenerator>()

    const authorize = (pluginId: string, pluginName: string) => (request: Notices.NoticeRequest) =>
      Effect.gen(function* () {
        const { principal } = yield* actingAs(principals, pluginName)
        const aCase = yield* cases.of(request.caseId)
        const ofCase = yield* referrals.ofCase(aCase.caseId)
        const at = yield* SqlValues.currentDate
        const decision = NoticePolicy.decide(
          principal,
          { recipient: request.recipient, purpose: request.purpose },
          {
            mechanismId: aCase.mechanismId,
            team: aCase.team,
            consents: aCase.consents,
            referrals: ofCase.map((referral) => ({
              from: referral.from,
              to: referral.to,
              open: Referral.isOpen(referral),
            })),
          },
          at,
        )
        if (decision._tag === "Deny") return { _tag: "Refused", rule: decision.rule } as const
        const before = yield* sql<{ readonly id: string }>`SELECT id FROM plugin_notices
          WHERE plugin = ${pluginId} AND case_id = ${aCase.caseId} AND recipient = ${request.recipient}
            AND reference = ${request.reference}`.pipe(Effect.orDie)
        const noticeId =
          before[0]?.id ??
          (yield* Id.EventId.generate.pipe(
            Effect.provide(context),
            Effect.tap((id) =>
              sql`INSERT INTO plugin_notices (id, plugin, case_id, recipient, purpose, kind, reference, allowed_at)
                VALUES (${id}, ${pluginId}, ${aCase.caseId}, ${request.recipient}, ${request.purpose},
                  ${request.kind}, ${request.reference}, ${SqlValues.toSql(at)})`.pipe(Effect.orDie),
            ),
          ))
        return {
          _tag: "Allowed",
          noticeId: noticeId as string,
          content: {
            noticeId,
            caseId: aCase.caseId,
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
