/**
 * What a survivor was told, as a service (`SurvivorInformation`'s record and
 * list), built over its store and the case store: a caller holds the service,
 * never a repository; the principal stays the caller's.
 */
import { Id, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, type CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Layer } from "effect"
import { CaseRepository } from "./CaseRepository"
import { Signatories } from "./Signatories"
import * as SqlSurvivorInformedRepository from "./SqlSurvivorInformedRepository"
import * as SurvivorInformation from "./SurvivorInformation"
import { SurvivorInformedRepository } from "./SurvivorInformedRepository"

const useCases: Pick<typeof SurvivorInformation, "record" | "list"> = {
  record: SurvivorInformation.record,
  list: SurvivorInformation.list,
}

/** What the service keeps of the context it is built in (all `SurvivorInformation` needs but the caller's principal). */
export type Requirements = Exclude<SurvivorInformation.Requirements, Principal.CurrentPrincipal>

/** The use cases of `SurvivorInformation`, each asking its caller only for the principal. */
export type Service = UseCase.Provided<Pick<typeof SurvivorInformation, "record" | "list">, Requirements>

export class SurvivorInformationService extends Context.Tag("@bashke/case/SurvivorInformationService")<
  SurvivorInformationService,
  Service
>() {}

/** The service over the stores of its context. */
export const layer: Layer.Layer<SurvivorInformationService, never, Requirements> = Layer.effect(
  SurvivorInformationService,
  UseCase.assemble(
    [CaseRepository, Signatories, SurvivorInformedRepository, AuditLog.AuditLog, SqlClient.SqlClient, Id.IdGenerator],
    useCases,
  ),
)

/** What `layerSql` needs: the rest of the service's context, and the case keys its stores seal with. */
export type LayerSqlRequirements = Exclude<Requirements, SurvivorInformedRepository> | CaseKeys.CaseKeys

/** The service over the SQL store of what survivors were told; the rest of its context comes from the application. */
export const layerSql: Layer.Layer<SurvivorInformationService, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(SqlSurvivorInformedRepository.layer),
)
