/**
 * A case's notes as a service (`CaseNotes`' write, list, history and
 * correct), built over the note store and the case store: a caller (a route)
 * holds the service, never a repository; the case package decides who may,
 * and the principal stays the caller's.
 */
import { Id, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, type CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Layer } from "effect"
import { CaseNoteRepository } from "./CaseNoteRepository"
import * as CaseNotes from "./CaseNotes"
import { CaseRepository } from "./CaseRepository"
import { Signatories } from "./Signatories"
import * as SqlCaseNoteRepository from "./SqlCaseNoteRepository"

const useCases: Pick<typeof CaseNotes, "write" | "list" | "history" | "correct"> = {
  write: CaseNotes.write,
  list: CaseNotes.list,
  history: CaseNotes.history,
  correct: CaseNotes.correct,
}

/** What the service keeps of the context it is built in (all `CaseNotes` needs but the caller's principal). */
export type Requirements = Exclude<CaseNotes.Requirements, Principal.CurrentPrincipal>

/** The use cases of `CaseNotes`, each asking its caller only for the principal. */
export type Service = UseCase.Provided<Pick<typeof CaseNotes, "write" | "list" | "history" | "correct">, Requirements>

export class CaseNoteService extends Context.Tag("@bashke/case/CaseNoteService")<CaseNoteService, Service>() {}

/** The service over the stores of its context. */
export const layer: Layer.Layer<CaseNoteService, never, Requirements> = Layer.effect(
  CaseNoteService,
  UseCase.assemble(
    [CaseRepository, Signatories, CaseNoteRepository, AuditLog.AuditLog, SqlClient.SqlClient, Id.IdGenerator],
    useCases,
  ),
)

/** What `layerSql` needs: the rest of the service's context, and the case keys its stores seal with. */
export type LayerSqlRequirements = Exclude<Requirements, CaseNoteRepository> | CaseKeys.CaseKeys

/** The service over the SQL note store; the case store, signatories, keys, audit log, SQL client and ids come from the application. */
export const layerSql: Layer.Layer<CaseNoteService, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(SqlCaseNoteRepository.layer),
)
