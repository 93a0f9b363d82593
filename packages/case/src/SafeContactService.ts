/**
 * How to reach a survivor safely, as a service (`SafeContacts`' record and
 * read), built over the safe-contact store and the case store: a caller holds
 * the service, never a repository; the principal stays the caller's.
 */
import { Id, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, type CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Layer } from "effect"
import { CaseRepository } from "./CaseRepository"
import { SafeContactRepository } from "./SafeContactRepository"
import * as SafeContacts from "./SafeContacts"
import { Signatories } from "./Signatories"
import * as SqlSafeContactRepository from "./SqlSafeContactRepository"

const useCases: Pick<typeof SafeContacts, "record" | "read"> = {
  record: SafeContacts.record,
  read: SafeContacts.read,
}

/** What the service keeps of the context it is built in (all `SafeContacts` needs but the caller's principal). */
export type Requirements = Exclude<SafeContacts.Requirements, Principal.CurrentPrincipal>

/** The use cases of `SafeContacts`, each asking its caller only for the principal. */
export type Service = UseCase.Provided<Pick<typeof SafeContacts, "record" | "read">, Requirements>

export class SafeContactService extends Context.Tag("@bashke/case/SafeContactService")<SafeContactService, Service>() {}

/** The service over the stores of its context. */
export const layer: Layer.Layer<SafeContactService, never, Requirements> = Layer.effect(
  SafeContactService,
  UseCase.assemble(
    [CaseRepository, Signatories, SafeContactRepository, AuditLog.AuditLog, SqlClient.SqlClient, Id.IdGenerator],
    useCases,
  ),
)

/** What `layerSql` needs: the rest of the service's context, and the case keys its stores seal with. */
export type LayerSqlRequirements = Exclude<Requirements, SafeContactRepository> | CaseKeys.CaseKeys

/** The service over the SQL safe-contact store; the rest of its context comes from the application. */
export const layerSql: Layer.Layer<SafeContactService, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(SqlSafeContactRepository.layer),
)
