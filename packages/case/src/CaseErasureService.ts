/**
 * Erasing a case as a service (`CaseErasure.erase`), built over the case
 * store and the records an erasure reaches: a caller holds the service, never
 * a repository; the principal stays the caller's.
 */
import { Id, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Layer } from "effect"
import * as CaseErasure from "./CaseErasure"
import { CaseRepository } from "./CaseRepository"
import { ErasableRecords } from "./ErasableRecords"
import { Signatories } from "./Signatories"
import * as SqlErasableRecords from "./SqlErasableRecords"

const useCases: Pick<typeof CaseErasure, "erase"> = {
  erase: CaseErasure.erase,
}

/** What the service keeps of the context it is built in (all `CaseErasure` needs but the caller's principal). */
export type Requirements = Exclude<CaseErasure.Requirements, Principal.CurrentPrincipal>

/** The use cases of `CaseErasure`, each asking its caller only for the principal. */
export type Service = UseCase.Provided<Pick<typeof CaseErasure, "erase">, Requirements>

export class CaseErasureService extends Context.Tag("@bashke/case/CaseErasureService")<CaseErasureService, Service>() {}

/** The service over the stores of its context. */
export const layer: Layer.Layer<CaseErasureService, never, Requirements> = Layer.effect(
  CaseErasureService,
  UseCase.assemble(
    [
      CaseRepository,
      Signatories,
      ErasableRecords,
      CaseKeys.CaseKeys,
      AuditLog.AuditLog,
      SqlClient.SqlClient,
      Id.IdGenerator,
    ],
    useCases,
  ),
)

/** What `layerSql` needs: the rest of the service's context. */
export type LayerSqlRequirements = Exclude<Requirements, ErasableRecords>

/** The service over the SQL records an erasure reaches; the rest of its context comes from the application. */
export const layerSql: Layer.Layer<CaseErasureService, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(SqlErasableRecords.layer),
)
