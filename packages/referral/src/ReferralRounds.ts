/**
 * What the notifications' scheduler asks of referrals each round, as one
 * service: what the referrals of a mechanism waiting for their receivers make
 * due (`DueReferrals.forMechanism`), and the open referrals a withdrawn consent
 * cancels (`ConsentWithdrawal.cancelRelyingOn`). Each is its module's use case
 * with the repository provided inside the layer: the scheduler holds the
 * service, never the repository. The jurisdiction in force stays the caller's,
 * and a cancellation joins the caller's transaction.
 */
import { Id } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Context, Layer } from "effect"
import * as ConsentWithdrawal from "./ConsentWithdrawal"
import * as DueReferrals from "./DueReferrals"
import { ReferralRepository } from "./ReferralRepository"
import * as SqlReferralRepository from "./SqlReferralRepository"

/** The use cases, as their modules export them. */
type UseCases = {
  readonly due: typeof DueReferrals.forMechanism
  readonly cancelRelyingOn: typeof ConsentWithdrawal.cancelRelyingOn
}

const useCases: UseCases = { due: DueReferrals.forMechanism, cancelRelyingOn: ConsentWithdrawal.cancelRelyingOn }

/** What the service keeps of the context it is built in. */
export type Requirements = ReferralRepository | SqlClient.SqlClient | Id.IdGenerator

/** Each use case, asking its caller for nothing more. */
export type Service = UseCase.Provided<UseCases, Requirements>

export class ReferralRounds extends Context.Tag("@bashke/referral/ReferralRounds")<ReferralRounds, Service>() {}

/** The service over the repository of its context. */
export const layer: Layer.Layer<ReferralRounds, never, Requirements> = Layer.effect(
  ReferralRounds,
  UseCase.assemble([ReferralRepository, SqlClient.SqlClient, Id.IdGenerator], useCases),
)

/** The service over the SQL repository; the SQL client and ids come from the application. */
export const layerSql: Layer.Layer<ReferralRounds, never, SqlClient.SqlClient | Id.IdGenerator> = layer.pipe(
  Layer.provide(SqlReferralRepository.layer),
)
