/**
 * Corrections of a case's record as a service (`Corrections`: a person's
 * details, an incident, an order's conditions, and their list), built over the
 * correction store and the case store: a caller holds the service, never a
 * repository; the principal stays the caller's.
 */
import { Id, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, type CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Layer } from "effect"
import { CaseRepository } from "./CaseRepository"
import { CorrectionRepository } from "./CorrectionRepository"
import * as Corrections from "./Corrections"
import * as PersonalData from "./PersonalData"
import { Signatories } from "./Signatories"
import * as SqlCorrectionRepository from "./SqlCorrectionRepository"

const useCases: Pick<typeof Corrections, "correctPerson" | "correctIncident" | "correctOrderConditions" | "list"> = {
  correctPerson: Corrections.correctPerson,
  correctIncident: Corrections.correctIncident,
  correctOrderConditions: Corrections.correctOrderConditions,
  list: Corrections.list,
}

/** What the service keeps of the context it is built in (all `Corrections` needs but the caller's principal). */
export type Requirements = Exclude<Corrections.Requirements, Principal.CurrentPrincipal>

/** The use cases of `Corrections`, each asking its caller only for the principal. */
export type Service = UseCase.Provided<
  Pick<typeof Corrections, "correctPerson" | "correctIncident" | "correctOrderConditions" | "list">,
  Requirements
>

export class CorrectionService extends Context.Tag("@bashke/case/CorrectionService")<CorrectionService, Service>() {}

/** The service over the stores of its context. */
export const layer: Layer.Layer<CorrectionService, never, Requirements> = Layer.effect(
  CorrectionService,
  UseCase.assemble(
    [
      CaseRepository,
      Signatories,
      CorrectionRepository,
      PersonalData.PersonalData,
      AuditLog.AuditLog,
      SqlClient.SqlClient,
      Id.IdGenerator,
    ],
    useCases,
  ),
)

/** What `layerSql` needs: the rest of the service's context, and the case keys its stores seal with. */
export type LayerSqlRequirements = Exclude<Requirements, CorrectionRepository> | CaseKeys.CaseKeys

/** The service over the SQL correction store; the rest of its context comes from the application. */
export const layerSql: Layer.Layer<CorrectionService, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(SqlCorrectionRepository.layer),
)
