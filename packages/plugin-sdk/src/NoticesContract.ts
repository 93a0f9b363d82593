/**
 * The contract of `notices:send`, as checks any provider of the capability
 * must pass: the host's real provider and the test kit's fakes run the same
 * checks, so a plugin that passes its tests against the fakes behaves the same
 * in the host. The scenario is a shelter's connector: a referral to the
 * shelter, with the survivor's consent for referrals, is sent; the connector
 * hears `referral.referral.sent` and forwards a notice into the shelter's own
 * system. The shelter is not on the case team: being the receiver of the open
 * referral is what makes it notifiable (`NoticePolicy` of `@bashke/security`).
 *
 * ```ts
 * for (const check of NoticesContract.checks)
 *   it.effect(check.name, () => Effect.flatMap(makeWorld(), check.run))
 * ```
 */
import { Id } from "@bashke/kernel"
import {
  definePlugin,
  type Hooks,
  type PluginIdentity as Identity,
  type Notices,
  type Plugin,
  PluginFailure,
} from "@bashke/plugin-sdk"
import { Effect, Schema } from "effect"
import * as Contract from "./internal/Contract"

const same = Contract.same

/**
 * The outbox topic of a sent referral.
 */
export const referralSentTopic = "referral.referral.sent"

/**
 * What the connector reads of a `referral.referral.sent` event.
 */
export const ReferralSent = Schema.Struct({ referral: Schema.String, case: Id.CaseId, to: Id.InstitutionId })

/**
 * The connector's handling of a sent referral: ask to notify the referral's
 * receiver, deliver (here: nowhere, the contract has no upstream) and record
 * the outcome. A refusal is a permanent failure coded with the rule, so the
 * event goes to dead letters naming why. Answers the notice's id.
 */
export const noticeOfReferral = (
  notices: Notices.Service,
  event: Pick<Hooks.DeliveredEvent, "id" | "payload">,
): Effect.Effect<string, PluginFailure.HookError> =>
  Effect.gen(function* () {
    const sent = yield* Schema.decodeUnknown(ReferralSent)(event.payload).pipe(
      Effect.mapError(() => new PluginFailure.PluginFailure({ code: "referral.event.malformed", permanent: true })),
    )
    const decision = yield* notices.authorize({
      caseId: sent.case,
      recipient: sent.to,
      purpose: "referral",
      kind: "referral-sent",
      reference: event.id,
    })
    if (decision._tag === "Refused")
      return yield* Effect.fail(new PluginFailure.PluginFailure({ code: decision.rule, permanent: true }))
    yield* notices.recordOutcome(decision.noticeId, { _tag: "Sent", reference: `shelter:${sent.referral}` })
    return decision.noticeId
  })

const ShelterConfig = Schema.Struct({})

/**
 * A shelter connector: `events:subscribe` + `notices:send`, forwarding each
 * referral sent to its institution with {@link noticeOfReferral}.
 */
export const shelterConnector: Plugin.Plugin<typeof ShelterConfig.Type, "events:subscribe" | "notices:send", never> =
  definePlugin({
    manifest: {
      name: "@bashke/contract-shelter",
      version: "0.1.0",
      hostApi: "^0.1.0",
      config: ShelterConfig,
      capabilities: ["events:subscribe", "notices:send"],
    },
    setup: (context) => ({
      subscriptions: [
        {
          name: "referrals",
          topics: [referralSentTopic],
          from: "beginning",
          handle: (event) => Effect.asVoid(noticeOfReferral(context.notices, event)),
        },
      ],
    }),
  })

/**
 * What a provider under test sets up: a case of a mechanism the plugin
 * serves, with a consent in force for the `referral` purpose (only) covering
 * `shelter`, and an open referral of the case to `shelter`; the plugin acts
 * for `shelter`, which is not on the case team. `stranger` has neither a
 * referral nor a consent.
 */
export interface World {
  /** The provider's service for the plugin under test. */
  readonly notices: Notices.Service
  readonly plugin: Identity.PluginIdentity
  readonly caseId: Id.CaseId
  readonly referral: string
  readonly shelter: Id.InstitutionId
  readonly stranger: Id.InstitutionId
  /** Withdraws the consent covering the shelter. */
  readonly withdrawConsent: Effect.Effect<void>
  /** Closes the referral (cancelled or completed). */
  readonly closeReferral: Effect.Effect<void>
  /** The outcome the provider recorded for a notice, if any. */
  readonly outcomeOf: (noticeId: string) => Effect.Effect<Notices.NoticeOutcome["_tag"] | undefined>
}

/**
 * A broken promise of the contract, with what was expected and what came.
 */
export { ContractBroken } from "./internal/Contract"

/**
 * One check of the contract, on a fresh world.
 */
export type Check = Contract.Check<World>

const sentEvent = (world: World, id = "contract-event-1") => ({
  id,
  payload: { referral: world.referral, case: world.caseId, to: world.shelter },
})

const request = (world: World, overrides: Partial<Notices.NoticeRequest> = {}): Notices.NoticeRequest => ({
  caseId: world.caseId,
  recipient: world.shelter,
  purpose: "referral",
  kind: "referral-sent",
  reference: "contract-reference",
  ...overrides,
})

const refusalOf = (decision: Notices.NoticeDecision) => (decision._tag === "Refused" ? decision.rule : "allowed")

/**
 * The checks, each on a fresh world.
 */
export const checks: ReadonlyArray<Check> = [
  {
    name: "the shelter connector's notice about a referral sent to the shelter with consent is delivered",
    run: (world) =>
      Effect.gen(function* () {
        const noticeId = yield* noticeOfReferral(world.notices, sentEvent(world))
        yield* same("outcome", yield* world.outcomeOf(noticeId), "Sent")
      }),
  },
  {
    name: "the same event asked twice is the same notice",
    run: (world) =>
      Effect.gen(function* () {
        const first = yield* world.notices.authorize(request(world))
        const again = yield* world.notices.authorize(request(world))
        yield* same("decision", again, first)
        yield* same("allowed", first._tag, "Allowed")
      }),
  },
  {
    name: "an institution with neither a referral nor a consent is refused",
    run: (world) =>
      Effect.map(world.notices.authorize(request(world, { recipient: world.stranger })), (decision) =>
        same("rule", refusalOf(decision), "policy.case-team.not-member"),
      ).pipe(Effect.flatten),
  },
  {
    name: "a purpose the consent does not cover is refused, an unknown one too",
    run: (world) =>
      Effect.gen(function* () {
        const conference = yield* world.notices.authorize(request(world, { purpose: "case-conference" }))
        yield* same("rule", refusalOf(conference), "policy.consent.not-covered")
        const unknown = yield* world.notices.authorize(request(world, { purpose: "gossip" }))
        yield* same("rule", refusalOf(unknown), "policy.notice.purpose-unknown")
      }),
  },
  {
    name: "a withdrawn consent refuses the very next notice",
    run: (world) =>
      Effect.gen(function* () {
        yield* world.withdrawConsent
        const decision = yield* world.notices.authorize(request(world, { reference: "after-withdrawal" }))
        yield* same("rule", refusalOf(decision), "policy.consent.withdrawn")
      }),
  },
  {
    name: "once the referral is closed, its receiver off the team is refused",
    run: (world) =>
      Effect.gen(function* () {
        yield* world.closeReferral
        const decision = yield* world.notices.authorize(request(world, { reference: "after-closing" }))
        yield* same("rule", refusalOf(decision), "policy.case-team.not-member")
      }),
  },
  {
    name: "the outcome of an unknown notice is refused as not found",
    run: (world) =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(
          world.notices.recordOutcome(Id.ulidAt(Date.UTC(2026, 0, 1), new Uint8Array(10).fill(7)), {
            _tag: "Failed",
            code: "x",
          }),
        )
        yield* same("error", error._tag, "NotFound")
      }),
  },
]
