/**
 * What the notifications' scheduler asks of meetings each round, as a
 * service: what a mechanism's meetings and open action items make due
 * (`MeetingDue.forMechanism`), with the repositories provided inside the
 * layer: the scheduler holds the service, never a repository. The
 * jurisdiction in force stays the caller's.
 */
import { UseCase } from "@bashke/persistence"
import type { Vault } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Context, Layer } from "effect"
import { ActionItemRepository } from "./ActionItemRepository"
import * as MeetingDue from "./MeetingDue"
import { MeetingRepository } from "./MeetingRepository"
import * as SqlActionItemRepository from "./SqlActionItemRepository"
import * as SqlMeetingRepository from "./SqlMeetingRepository"

/** The use cases, as their modules export them. */
type UseCases = { readonly due: typeof MeetingDue.forMechanism }

const useCases: UseCases = { due: MeetingDue.forMechanism }

/** What the service keeps of the context it is built in. */
export type Requirements = MeetingRepository | ActionItemRepository

/** Each use case, asking its caller for nothing more. */
export type Service = UseCase.Provided<UseCases, Requirements>

export class MeetingRounds extends Context.Tag("@bashke/meeting/MeetingRounds")<MeetingRounds, Service>() {}

/** The service over the repositories of its context. */
export const layer: Layer.Layer<MeetingRounds, never, Requirements> = Layer.effect(
  MeetingRounds,
  UseCase.assemble([MeetingRepository, ActionItemRepository], useCases),
)

/** The service over the SQL repositories; the application provides the SQL client and the vault. */
export const layerSql: Layer.Layer<MeetingRounds, never, SqlClient.SqlClient | Vault.Vault> = layer.pipe(
  Layer.provide(Layer.merge(SqlMeetingRepository.layer, SqlActionItemRepository.layer)),
)
