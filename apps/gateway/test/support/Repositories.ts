// The SQL repositories of the referral and meeting packages over the gateway's
// own database, for tests that write fixture rows (or read them back) beside
// the API: a month of referrals, a meeting held a year ago. The gateway's
// bundle holds services only — no route, runner or port reads a repository —
// so a test that needs one provides it here, over the runtime's `SqlClient`
// and vault.
import { ActionItemRepository, MeetingRepository, SqlActionItemRepository, SqlMeetingRepository } from "@bashke/meeting"
import { ReferralRepository, SqlReferralRepository } from "@bashke/referral"
import type { Vault } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"

export type Repositories =
  | ReferralRepository.ReferralRepository
  | MeetingRepository.MeetingRepository
  | ActionItemRepository.ActionItemRepository

/** The repositories over the context's SQL client and vault. */
export const layer: Layer.Layer<Repositories, never, SqlClient.SqlClient | Vault.Vault> = Layer.mergeAll(
  SqlReferralRepository.layer,
  SqlMeetingRepository.layer,
  SqlActionItemRepository.layer,
)

/** `effect` with the repositories provided. */
export const provide = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
): Effect.Effect<A, E, Exclude<R, Repositories> | SqlClient.SqlClient | Vault.Vault> => Effect.provide(effect, layer)

/** The referral repository, in the test's hands. */
export const referrals = <A, E, R>(
  use: (repository: ReferralRepository.Service) => Effect.Effect<A, E, R>,
): Effect.Effect<A, E, Exclude<R, Repositories> | SqlClient.SqlClient | Vault.Vault> =>
  provide(Effect.flatMap(ReferralRepository.ReferralRepository, use))

/** The action item repository, in the test's hands. */
export const actionItems = <A, E, R>(
  use: (repository: ActionItemRepository.Service) => Effect.Effect<A, E, R>,
): Effect.Effect<A, E, Exclude<R, Repositories> | SqlClient.SqlClient | Vault.Vault> =>
  provide(Effect.flatMap(ActionItemRepository.ActionItemRepository, use))

/** The meeting repository, in the test's hands. */
export const meetings = <A, E, R>(
  use: (repository: MeetingRepository.Service) => Effect.Effect<A, E, R>,
): Effect.Effect<A, E, Exclude<R, Repositories> | SqlClient.SqlClient | Vault.Vault> =>
  provide(Effect.flatMap(MeetingRepository.MeetingRepository, use))
