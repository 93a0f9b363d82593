/**
 * A case's conference reviews as a service (`CaseReviews`' record and list),
 * built over the review store and the case store: a caller holds the service,
 * never a repository; the principal stays the caller's.
 */
import { Id, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, type CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Layer } from "effect"
import { CaseRepository } from "./CaseRepository"
import { CaseReviewRepository } from "./CaseReviewRepository"
import * as CaseReviews from "./CaseReviews"
import { Signatories } from "./Signatories"
import * as SqlCaseReviewRepository from "./SqlCaseReviewRepository"

const useCases: Pick<typeof CaseReviews, "record" | "list"> = {
  record: CaseReviews.record,
  list: CaseReviews.list,
}

/** What the service keeps of the context it is built in (all `CaseReviews` needs but the caller's principal). */
export type Requirements = Exclude<CaseReviews.Requirements, Principal.CurrentPrincipal>

/** The use cases of `CaseReviews`, each asking its caller only for the principal. */
export type Service = UseCase.Provided<Pick<typeof CaseReviews, "record" | "list">, Requirements>

export class CaseReviewService extends Context.Tag("@bashke/case/CaseReviewService")<CaseReviewService, Service>() {}

/** The service over the stores of its context. */
export const layer: Layer.Layer<CaseReviewService, never, Requirements> = Layer.effect(
  CaseReviewService,
  UseCase.assemble(
    [CaseRepository, Signatories, CaseReviewRepository, AuditLog.AuditLog, SqlClient.SqlClient, Id.IdGenerator],
    useCases,
  ),
)

/** What `layerSql` needs: the rest of the service's context, and the case keys its stores seal with. */
export type LayerSqlRequirements = Exclude<Requirements, CaseReviewRepository> | CaseKeys.CaseKeys

/** The service over the SQL review store; the rest of its context comes from the application. */
export const layerSql: Layer.Layer<CaseReviewService, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(SqlCaseReviewRepository.layer),
)
