/**
 * The coordinator's review of break-glass reads as a service
 * (`BreakGlassReviews`' list and verdict), built over the review store, the
 * signatories, the audit log and the SQL client: a caller (a route) holds the
 * service, never the repository; the access policy decides inside the use
 * cases, and the principal stays the caller's.
 */
import { type Errors, Id, type Pagination, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, type Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import type * as BreakGlassReview from "./BreakGlassReview"
import { BreakGlassReviewRepository } from "./BreakGlassReviewRepository"
import * as BreakGlassReviews from "./BreakGlassReviews"
import { Signatories } from "./Signatories"
import * as SqlBreakGlassReviewRepository from "./SqlBreakGlassReviewRepository"

export interface Service {
  /** A page of the mechanism's reviews, for its coordinator (`BreakGlassReviews.list`; each reason shown audited). */
  readonly list: (
    input: BreakGlassReviews.ListReviews,
  ) => Effect.Effect<
    Pagination.Page<BreakGlassReview.BreakGlassReview>,
    Errors.Forbidden | Errors.InvalidInput,
    Principal.CurrentPrincipal
  >
  /** The coordinator's verdict, closing a review (`BreakGlassReviews.close`). */
  readonly close: (
    input: BreakGlassReviews.CloseReview,
  ) => Effect.Effect<
    BreakGlassReview.BreakGlassReview,
    Errors.Forbidden | Errors.InvalidInput | Errors.NotFound | Errors.Conflict,
    Principal.CurrentPrincipal
  >
}

export class BreakGlassReviewService extends Context.Tag("@bashke/case/BreakGlassReviewService")<
  BreakGlassReviewService,
  Service
>() {}

/** The service over a review store (and the signatories, audit log, SQL client and ids of its context). */
export const layer: Layer.Layer<
  BreakGlassReviewService,
  never,
  BreakGlassReviewRepository | Signatories | AuditLog.AuditLog | SqlClient.SqlClient | Id.IdGenerator
> = Layer.effect(
  BreakGlassReviewService,
  Effect.map(
    UseCase.services(BreakGlassReviewRepository, Signatories, AuditLog.AuditLog, SqlClient.SqlClient, Id.IdGenerator),
    (context) => {
      const own = UseCase.provide(context)
      return { list: own(BreakGlassReviews.list), close: own(BreakGlassReviews.close) }
    },
  ),
)

/** The service over the SQL review store. */
export const layerSql: Layer.Layer<
  BreakGlassReviewService,
  never,
  Signatories | AuditLog.AuditLog | SqlClient.SqlClient | Id.IdGenerator | Vault.Vault
> = layer.pipe(Layer.provide(SqlBreakGlassReviewRepository.layer))
