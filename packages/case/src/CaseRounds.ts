/**
 * The case package's background rounds as one service: orders past their end
 * expire (`OrderExpiry.expireDue`) and closed cases past their retention are
 * erased (`CaseRetention.eraseDue`). Each is its module's use case with the
 * stores provided inside the layer: the application that runs the rounds (the
 * gateway's runners, a Cron Trigger) holds the service, never a repository.
 * The rounds act as the platform and read time from the `Clock`; the
 * jurisdiction in force stays the caller's.
 */
import { Id } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Layer } from "effect"
import { CaseRepository } from "./CaseRepository"
import * as CaseRetention from "./CaseRetention"
import { ErasableRecords } from "./ErasableRecords"
import * as OrderExpiry from "./OrderExpiry"
import * as SqlErasableRecords from "./SqlErasableRecords"

/** The rounds, as their modules export them. */
type UseCases = {
  readonly expireOrders: typeof OrderExpiry.expireDue
  readonly eraseDue: typeof CaseRetention.eraseDue
}

const useCases: UseCases = { expireOrders: OrderExpiry.expireDue, eraseDue: CaseRetention.eraseDue }

/** What the service keeps of the context it is built in: everything both rounds need. */
export type Requirements =
  | CaseRepository
  | ErasableRecords
  | CaseKeys.CaseKeys
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

/** Each round, answering how many orders it expired or cases it erased. */
export type Service = UseCase.Provided<UseCases, Requirements>

export class CaseRounds extends Context.Tag("@bashke/case/CaseRounds")<CaseRounds, Service>() {}

/** The service over the stores of its context. */
export const layer: Layer.Layer<CaseRounds, never, Requirements> = Layer.effect(
  CaseRounds,
  UseCase.assemble(
    [CaseRepository, ErasableRecords, CaseKeys.CaseKeys, AuditLog.AuditLog, SqlClient.SqlClient, Id.IdGenerator],
    useCases,
  ),
)

/** What `layerSql` needs: the case store, the case keys, the audit log, the SQL client and ids. */
export type LayerSqlRequirements = Exclude<Requirements, ErasableRecords>

/** The service over the erasable records in SQL; the case store and the rest come from the application. */
export const layerSql: Layer.Layer<CaseRounds, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(SqlErasableRecords.layer),
)
