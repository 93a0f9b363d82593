/**
 * A case's documents as a service (`Documents`' upload, list, open and
 * withdraw), built over the document records, their bytes, the pending
 * uploads and the case store: a caller (a route) holds the service, never a
 * repository; the principal stays the caller's.
 */
import { Id, type Principal } from "@bashke/kernel"
import { type Idempotency, UseCase } from "@bashke/persistence"
import { AuditLog, type CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer, type Stream } from "effect"
import { CaseRepository } from "./CaseRepository"
import type * as Document from "./Document"
import { DocumentRepository } from "./DocumentRepository"
import { DocumentSettings } from "./DocumentSettings"
import { DocumentStore } from "./DocumentStore"
import * as Documents from "./Documents"
import { PendingUploads } from "./PendingUploads"
import { Signatories } from "./Signatories"
import * as SqlDocumentRepository from "./SqlDocumentRepository"
import * as SqlDocumentStore from "./SqlDocumentStore"
import * as SqlPendingUploads from "./SqlPendingUploads"

const useCases: Pick<typeof Documents, "list" | "open" | "withdraw"> = {
  list: Documents.list,
  open: Documents.open,
  withdraw: Documents.withdraw,
}

/** What the service keeps of the context it is built in (all `Documents` needs but the caller's principal). */
export type Requirements = Exclude<Documents.Requirements | DocumentSettings, Principal.CurrentPrincipal>

/** The use cases of `Documents`, each asking its caller only for the principal. */
export interface Service extends UseCase.Provided<Pick<typeof Documents, "list" | "open" | "withdraw">, Requirements> {
  /** `Documents.upload`: the content streamed in, kept only once every check passed. */
  readonly upload: <E>(
    raw: Documents.UploadDocument,
    content: Stream.Stream<Uint8Array, E>,
    idempotency?: Idempotency.IdempotencyKey,
  ) => Effect.Effect<
    Idempotency.Outcome<Document.Receipt>,
    Effect.Effect.Error<ReturnType<typeof Documents.upload<E>>>,
    Principal.CurrentPrincipal
  >
}

export class DocumentService extends Context.Tag("@bashke/case/DocumentService")<DocumentService, Service>() {}

/** The service over the stores of its context. */
export const layer: Layer.Layer<DocumentService, never, Requirements> = Layer.effect(
  DocumentService,
  Effect.map(
    UseCase.services(
      CaseRepository,
      Signatories,
      DocumentRepository,
      DocumentStore,
      PendingUploads,
      DocumentSettings,
      AuditLog.AuditLog,
      SqlClient.SqlClient,
      Id.IdGenerator,
    ),
    (context): Service => ({
      ...UseCase.provideAll(context, useCases),
      upload: (raw, content, idempotency) => Effect.provide(Documents.upload(raw, content, idempotency), context),
    }),
  ),
)

/** What `layerSql` needs: the rest of the service's context, and the case keys its stores seal with. */
export type LayerSqlRequirements =
  | Exclude<Requirements, DocumentRepository | DocumentStore | PendingUploads>
  | CaseKeys.CaseKeys

/** The service over the SQL document records, bytes and pending uploads; the rest of its context comes from the application. */
export const layerSql: Layer.Layer<DocumentService, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(Layer.mergeAll(SqlDocumentRepository.layer, SqlDocumentStore.layer, SqlPendingUploads.layer)),
)
