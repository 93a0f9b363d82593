/**
 * A person's subject-access export as a service (`SubjectAccess.exportFor`),
 * built over every store an export reads (the cases, notes, corrections, safe
 * contacts, what she was told, her documents): a caller (a route) holds the
 * service, never a repository; the principal stays the caller's.
 */
import type { Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, type CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Layer } from "effect"
import { CaseNoteRepository } from "./CaseNoteRepository"
import { CaseRepository } from "./CaseRepository"
import { CorrectionRepository } from "./CorrectionRepository"
import * as PersonalData from "./PersonalData"
import { SafeContactRepository } from "./SafeContactRepository"
import * as SqlCaseNoteRepository from "./SqlCaseNoteRepository"
import * as SqlCorrectionRepository from "./SqlCorrectionRepository"
import * as SqlDocumentRepository from "./SqlDocumentRepository"
import * as SqlSafeContactRepository from "./SqlSafeContactRepository"
import * as SqlSurvivorInformedRepository from "./SqlSurvivorInformedRepository"
import * as SubjectAccess from "./SubjectAccess"
import * as SubjectDocuments from "./SubjectDocuments"
import { SurvivorInformedRepository } from "./SurvivorInformedRepository"

const useCases: Pick<typeof SubjectAccess, "exportFor"> = { exportFor: SubjectAccess.exportFor }

/** What the service keeps of the context it is built in (all `SubjectAccess` needs but the caller's principal). */
export type Requirements = Exclude<SubjectAccess.Requirements, Principal.CurrentPrincipal>

/** The export, asking its caller only for the principal. */
export type Service = UseCase.Provided<Pick<typeof SubjectAccess, "exportFor">, Requirements>

export class SubjectAccessService extends Context.Tag("@bashke/case/SubjectAccessService")<
  SubjectAccessService,
  Service
>() {}

/** The service over the stores of its context. */
export const layer: Layer.Layer<SubjectAccessService, never, Requirements> = Layer.effect(
  SubjectAccessService,
  UseCase.assemble(
    [
      CaseRepository,
      CaseNoteRepository,
      CorrectionRepository,
      SafeContactRepository,
      SurvivorInformedRepository,
      SubjectDocuments.SubjectDocuments,
      PersonalData.PersonalData,
      AuditLog.AuditLog,
      SqlClient.SqlClient,
    ],
    useCases,
  ),
)

/** What `layerSql` needs: the rest of the service's context, and the case keys its stores seal with. */
export type LayerSqlRequirements =
  | Exclude<
      Requirements,
      | CaseNoteRepository
      | CorrectionRepository
      | SafeContactRepository
      | SurvivorInformedRepository
      | SubjectDocuments.SubjectDocuments
    >
  | CaseKeys.CaseKeys

/**
 * The service over the SQL stores an export reads (her documents listed from
 * their records); the case store, personal data, audit log and SQL client come
 * from the application.
 */
export const layerSql: Layer.Layer<SubjectAccessService, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(
    Layer.mergeAll(
      SqlCaseNoteRepository.layer,
      SqlCorrectionRepository.layer,
      SqlSafeContactRepository.layer,
      SqlSurvivorInformedRepository.layer,
      SubjectDocuments.layer.pipe(Layer.provide(SqlDocumentRepository.layer)),
    ),
  ),
)
