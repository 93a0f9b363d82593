/**
 * Transfers of a case's lead as a service (`CaseTransfers`' propose, accept,
 * decline and pending), built over the transfer store and the case store: a
 * caller holds the service, never a repository; the principal stays the
 * caller's.
 */
import { Id, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Layer } from "effect"
import { CaseRepository } from "./CaseRepository"
import { CaseTransferRepository } from "./CaseTransferRepository"
import * as CaseTransfers from "./CaseTransfers"
import { Signatories } from "./Signatories"
import * as SqlCaseTransferRepository from "./SqlCaseTransferRepository"

const useCases: Pick<typeof CaseTransfers, "propose" | "accept" | "decline" | "pending"> = {
  propose: CaseTransfers.propose,
  accept: CaseTransfers.accept,
  decline: CaseTransfers.decline,
  pending: CaseTransfers.pending,
}

/** What the service keeps of the context it is built in (all `CaseTransfers` needs but the caller's principal). */
export type Requirements = Exclude<CaseTransfers.Requirements, Principal.CurrentPrincipal>

/** The use cases of `CaseTransfers`, each asking its caller only for the principal. */
export type Service = UseCase.Provided<
  Pick<typeof CaseTransfers, "propose" | "accept" | "decline" | "pending">,
  Requirements
>

export class CaseTransferService extends Context.Tag("@bashke/case/CaseTransferService")<
  CaseTransferService,
  Service
>() {}

/** The service over the stores of its context. */
export const layer: Layer.Layer<CaseTransferService, never, Requirements> = Layer.effect(
  CaseTransferService,
  UseCase.assemble(
    [CaseRepository, Signatories, CaseTransferRepository, AuditLog.AuditLog, SqlClient.SqlClient, Id.IdGenerator],
    useCases,
  ),
)

/** What `layerSql` needs: the rest of the service's context. */
export type LayerSqlRequirements = Exclude<Requirements, CaseTransferRepository>

/** The service over the SQL transfer store; the rest of its context comes from the application. */
export const layerSql: Layer.Layer<CaseTransferService, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(SqlCaseTransferRepository.layer),
)
