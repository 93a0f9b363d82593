/**
 * The casework around a case, as one service: its notes (`CaseNotes`), the
 * corrections of its record (`Corrections`), its conference reviews
 * (`CaseReviews`), transfers of its lead (`CaseTransfers`), a survivor's safe
 * contact (`SafeContacts`), what she was told (`SurvivorInformation`) and the
 * erasure of a closed case (`CaseErasure`). Each group is its module's use
 * cases with their stores provided inside the layer: a caller (a route) holds
 * the service, never a repository; the case package decides who may, and the
 * principal stays the caller's.
 */
import { Id, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import * as CaseErasure from "./CaseErasure"
import { CaseNoteRepository } from "./CaseNoteRepository"
import * as CaseNotes from "./CaseNotes"
import { CaseRepository } from "./CaseRepository"
import { CaseReviewRepository } from "./CaseReviewRepository"
import * as CaseReviews from "./CaseReviews"
import { CaseTransferRepository } from "./CaseTransferRepository"
import * as CaseTransfers from "./CaseTransfers"
import { CorrectionRepository } from "./CorrectionRepository"
import * as Corrections from "./Corrections"
import { ErasableRecords } from "./ErasableRecords"
import * as PersonalData from "./PersonalData"
import { SafeContactRepository } from "./SafeContactRepository"
import * as SafeContacts from "./SafeContacts"
import { Signatories } from "./Signatories"
import * as SqlCaseNoteRepository from "./SqlCaseNoteRepository"
import * as SqlCaseReviewRepository from "./SqlCaseReviewRepository"
import * as SqlCaseTransferRepository from "./SqlCaseTransferRepository"
import * as SqlCorrectionRepository from "./SqlCorrectionRepository"
import * as SqlErasableRecords from "./SqlErasableRecords"
import * as SqlSafeContactRepository from "./SqlSafeContactRepository"
import * as SqlSurvivorInformedRepository from "./SqlSurvivorInformedRepository"
import * as SurvivorInformation from "./SurvivorInformation"
import { SurvivorInformedRepository } from "./SurvivorInformedRepository"

/** The use cases of each group, as their modules export them. */
interface Groups {
  readonly notes: Pick<typeof CaseNotes, "write" | "list" | "history" | "correct">
  readonly corrections: Pick<
    typeof Corrections,
    "correctPerson" | "correctIncident" | "correctOrderConditions" | "list"
  >
  readonly reviews: Pick<typeof CaseReviews, "record" | "list">
  readonly transfers: Pick<typeof CaseTransfers, "propose" | "accept" | "decline" | "pending">
  readonly safeContacts: Pick<typeof SafeContacts, "record" | "read">
  readonly told: Pick<typeof SurvivorInformation, "record" | "list">
  readonly erasure: Pick<typeof CaseErasure, "erase">
}

/** What the service keeps of the context it is built in: all its use cases need but the caller's principal. */
export type Requirements = Exclude<
  | CaseNotes.Requirements
  | Corrections.Requirements
  | CaseReviews.Requirements
  | CaseTransfers.Requirements
  | SafeContacts.Requirements
  | SurvivorInformation.Requirements
  | CaseErasure.Requirements,
  Principal.CurrentPrincipal
>

/** Each group's use cases, asking their caller only for the principal. */
export type Service = { readonly [Group in keyof Groups]: UseCase.Provided<Groups[Group], Requirements> }

export class CaseworkService extends Context.Tag("@bashke/case/CaseworkService")<CaseworkService, Service>() {}

/** The service over the stores of its context. */
export const layer: Layer.Layer<CaseworkService, never, Requirements> = Layer.effect(
  CaseworkService,
  Effect.map(
    UseCase.services(
      CaseRepository,
      Signatories,
      CaseNoteRepository,
      CorrectionRepository,
      CaseReviewRepository,
      CaseTransferRepository,
      SafeContactRepository,
      SurvivorInformedRepository,
      ErasableRecords,
      PersonalData.PersonalData,
      CaseKeys.CaseKeys,
      AuditLog.AuditLog,
      SqlClient.SqlClient,
      Id.IdGenerator,
    ),
    (context): Service => ({
      notes: UseCase.provideAll(context, {
        write: CaseNotes.write,
        list: CaseNotes.list,
        history: CaseNotes.history,
        correct: CaseNotes.correct,
      }),
      corrections: UseCase.provideAll(context, {
        correctPerson: Corrections.correctPerson,
        correctIncident: Corrections.correctIncident,
        correctOrderConditions: Corrections.correctOrderConditions,
        list: Corrections.list,
      }),
      reviews: UseCase.provideAll(context, { record: CaseReviews.record, list: CaseReviews.list }),
      transfers: UseCase.provideAll(context, {
        propose: CaseTransfers.propose,
        accept: CaseTransfers.accept,
        decline: CaseTransfers.decline,
        pending: CaseTransfers.pending,
      }),
      safeContacts: UseCase.provideAll(context, { record: SafeContacts.record, read: SafeContacts.read }),
      told: UseCase.provideAll(context, { record: SurvivorInformation.record, list: SurvivorInformation.list }),
      erasure: UseCase.provideAll(context, { erase: CaseErasure.erase }),
    }),
  ),
)

/** What `layerSql` needs: the case store, signatories, personal data, keys, audit log, SQL client and ids. */
export type LayerSqlRequirements = Exclude<
  Requirements,
  | CaseNoteRepository
  | CorrectionRepository
  | CaseReviewRepository
  | CaseTransferRepository
  | SafeContactRepository
  | SurvivorInformedRepository
  | ErasableRecords
>

/** The service over the casework's SQL stores; the rest of its context comes from the application. */
export const layerSql: Layer.Layer<CaseworkService, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(
    Layer.mergeAll(
      SqlCaseNoteRepository.layer,
      SqlCorrectionRepository.layer,
      SqlCaseReviewRepository.layer,
      SqlCaseTransferRepository.layer,
      SqlSafeContactRepository.layer,
      SqlSurvivorInformedRepository.layer,
      SqlErasableRecords.layer,
    ),
  ),
)
