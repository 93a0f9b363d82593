/**
 * Which person an identity provider's subject is: the link made at the
 * subject's first sign-in, found by the blind index of issuer and subject
 * (`provider-subject`), never by a name or an address the provider sends.
 * A person may be linked from several providers; a subject names one person.
 */
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { BlindIndex } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer, Option } from "effect"
import type { PersonId } from "./Person"

export interface Service {
  /** The person `subject` of `issuer` was linked to; none the first time. */
  readonly find: (issuer: string, subject: string) => Effect.Effect<Option.Option<PersonId>>
  /** Links `subject` of `issuer` to `person`; false when it already names someone. */
  readonly link: (issuer: string, subject: string, person: PersonId) => Effect.Effect<boolean>
  /** Whether `person` is linked from `issuer` by any subject. */
  readonly linkedFrom: (issuer: string, person: PersonId) => Effect.Effect<boolean>
}

export class ProviderSubjects extends Context.Tag("@bashke/identity/ProviderSubjects")<ProviderSubjects, Service>() {}

/**
 * The links over SQL (both dialects).
 */
export const layerSql: Layer.Layer<ProviderSubjects, never, SqlClient.SqlClient | BlindIndex.BlindIndex> = Layer.effect(
  ProviderSubjects,
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const index = yield* BlindIndex.BlindIndex
    // NUL never occurs in a URL, so issuer and subject cannot run into each other.
    const indexOf = (issuer: string, subject: string) =>
      index.compute("provider-subject", `${issuer}\u0000${subject}`).pipe(Effect.orDie)

    const find: Service["find"] = (issuer, subject) =>
      Effect.gen(function* () {
        const rows = yield* sql<{ person_id: string }>`SELECT person_id FROM identity_provider_subjects
          WHERE subject_index = ${yield* indexOf(issuer, subject)}`.pipe(Effect.orDie)
        return Option.map(Option.fromNullable(rows[0]), (row) => row.person_id as PersonId)
      }).pipe(Span.untraced("ProviderSubjects.find"))

    const link: Service["link"] = (issuer, subject, person) =>
      Effect.gen(function* () {
        const now = SqlValues.toSql(yield* SqlValues.currentDate)
        const rows = yield* sql`INSERT INTO identity_provider_subjects (subject_index, issuer, person_id, linked_at)
          VALUES (${yield* indexOf(issuer, subject)}, ${issuer}, ${person}, ${now})
          ON CONFLICT (subject_index) DO NOTHING RETURNING person_id`.pipe(Effect.orDie)
        return rows.length > 0
      }).pipe(Span.untraced("ProviderSubjects.link"))

    const linkedFrom: Service["linkedFrom"] = (issuer, person) =>
      sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM identity_provider_subjects
        WHERE person_id = ${person} AND issuer = ${issuer}`.pipe(
        Effect.orDie,
        Effect.map((rows) => Number(rows[0]?.n ?? 0) > 0),
      )

    return { find, link, linkedFrom }
  }),
)
