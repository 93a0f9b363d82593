/**
 * `notices:send` — send a notice about a case to an outside institution (a
 * referral sent to the police), only as far as consent allows. The plugin
 * sees it as `context.notices`.
 *
 * The plugin asks first (`authorize`): the host checks the case's consent for
 * the recipient and purpose and answers the content the recipient may see, or
 * a refusal with the rule that refused it. After sending, the plugin reports
 * the outcome (`recordOutcome`), which the host audits. A withdrawn consent
 * refuses the very next `authorize`.
 */
import { type Errors, Id } from "@bashke/kernel"
import { Context, type Effect, Schema } from "effect"
import type { CapabilityProvider } from "./PluginIdentity"

/**
 * A notice the plugin wants to send. `purpose` is a consent purpose code;
 * `kind` names the notice (`referral`); `reference` ties it to what caused it
 * (an outbox event id), and makes `authorize` idempotent.
 */
export const NoticeRequest = Schema.Struct({
  caseId: Id.CaseId,
  recipient: Id.InstitutionId,
  purpose: Schema.String,
  kind: Schema.String,
  reference: Schema.String,
}).annotations({ identifier: "PluginNoticeRequest" })

export type NoticeRequest = typeof NoticeRequest.Type

/**
 * `Allowed` with the notice's id and the content the recipient may see, or
 * `Refused` with the catalogue key of the rule (`case.consent.withdrawn`).
 */
export const NoticeDecision = Schema.Union(
  Schema.TaggedStruct("Allowed", { noticeId: Schema.String, content: Schema.Unknown }),
  Schema.TaggedStruct("Refused", { rule: Schema.String }),
).annotations({ identifier: "PluginNoticeDecision" })

export type NoticeDecision = typeof NoticeDecision.Type

/**
 * What became of a notice: `sent` (with the recipient's reference, if any)
 * or `failed` (with a code).
 */
export const NoticeOutcome = Schema.Union(
  Schema.TaggedStruct("Sent", { reference: Schema.optional(Schema.String) }),
  Schema.TaggedStruct("Failed", { code: Schema.String }),
).annotations({ identifier: "PluginNoticeOutcome" })

export type NoticeOutcome = typeof NoticeOutcome.Type

export interface Service {
  readonly authorize: (request: NoticeRequest) => Effect.Effect<NoticeDecision, Errors.DomainError>
  readonly recordOutcome: (noticeId: string, outcome: NoticeOutcome) => Effect.Effect<void, Errors.DomainError>
}

/**
 * The host application's provider of the capability.
 */
export class Notices extends Context.Tag("@bashke/plugin-sdk/Notices")<Notices, CapabilityProvider<Service>>() {}
