/**
 * `persons:match` — find the case person an upstream record is about. The
 * host implements it with the security package's blind index (a personal
 * number is looked up by its keyed hash, never stored in clear); the plugin
 * sees it as `context.persons`.
 *
 * A match is `Matched` only when the host is certain (the personal number's
 * blind index hits exactly one person). Anything less is `Uncertain` with its
 * candidates, and an uncertain match must go to the review queue: it is never
 * merged automatically.
 */
import { CivilDate, type Errors, Id } from "@bashke/kernel"
import { Context, Effect, Schema } from "effect"
import type { CapabilityProvider } from "./PluginIdentity"

/**
 * What is known about the person. Kept in memory only: the host neither
 * stores nor logs a query.
 */
export const PersonQuery = Schema.Struct({
  personalNumber: Schema.optional(Schema.String),
  givenName: Schema.optional(Schema.String),
  familyName: Schema.optional(Schema.String),
  birthDate: Schema.optional(CivilDate.CivilDate),
}).annotations({ identifier: "PluginPersonQuery" })

export type PersonQuery = typeof PersonQuery.Type

/**
 * A person who may be the one sought, with a score in [0, 1] and the codes of
 * what matched (`personal-number`, `name`, `birth-date`).
 */
export const Candidate = Schema.Struct({
  caseId: Id.CaseId,
  personId: Id.PersonId,
  score: Schema.Number.pipe(Schema.between(0, 1)),
  matched: Schema.Array(Schema.String),
}).annotations({ identifier: "PluginMatchCandidate" })

export type Candidate = typeof Candidate.Type

/**
 * The answer: `Matched` (certain), `Uncertain` (to be reviewed by a person)
 * or `NoMatch`.
 */
export const MatchResult = Schema.Union(
  Schema.TaggedStruct("Matched", { caseId: Id.CaseId, personId: Id.PersonId }),
  Schema.TaggedStruct("Uncertain", { candidates: Schema.NonEmptyArray(Candidate) }),
  Schema.TaggedStruct("NoMatch", {}),
).annotations({ identifier: "PluginMatchResult" })

export type MatchResult = typeof MatchResult.Type

export interface Service {
  readonly match: (query: PersonQuery) => Effect.Effect<MatchResult, Errors.DomainError>
  /**
   * The batch form (optional; a host without it is asked {@link Service.match}
   * once per query, see {@link matchAll}): one answer per query, in order,
   * each exactly what `match` answers for it — the same hits, each audited —
   * found in one look-up for the whole page.
   */
  readonly matchMany?: (
    queries: ReadonlyArray<PersonQuery>,
  ) => Effect.Effect<ReadonlyArray<MatchResult>, Errors.DomainError>
}

/**
 * The answers to `queries`, in order: the host's `matchMany` when it has one,
 * otherwise `match` for each. What a plugin's `processBatch` calls.
 */
export const matchAll = (
  service: Service,
  queries: ReadonlyArray<PersonQuery>,
): Effect.Effect<ReadonlyArray<MatchResult>, Errors.DomainError> =>
  queries.length === 0
    ? Effect.succeed([])
    : service.matchMany !== undefined
      ? service.matchMany(queries)
      : Effect.forEach(queries, service.match)

/**
 * The host application's provider of the capability.
 */
export class PersonMatch extends Context.Tag("@bashke/plugin-sdk/PersonMatch")<
  PersonMatch,
  CapabilityProvider<Service>
>() {}
