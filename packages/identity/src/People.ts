/**
 * The people's store: add a person with their grants, find them by id or by
 * email (through the blind index, without opening anyone else's), their
 * principal as it is *now* (none once deactivated), and their language. Names
 * and emails are sealed with the vault under the person's id, so a sealed
 * value moved to another row does not open. Each write is audited with who did
 * it (`mechanism-administration`: personal data of professionals).
 */
import { Errors, Id, Locale, type Principal, Sector, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { AuditLog, BlindIndex, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Either, Layer, Option, Schema } from "effect"
import * as Grants from "./Grants"
import { type NewPerson, type Person, PersonId } from "./Person"

export interface Service {
  /**
   * Adds a person with `grants`, as `actor`. A second person with the same
   * email (by its normalized form) is a `Conflict` (`identity.person.email-taken`)
   * that names no address; grants are checked by `Grants.check`.
   */
  readonly add: (
    person: NewPerson,
    grants: ReadonlyArray<Grants.Grant>,
    actor: Principal.Principal["id"],
    options?: { readonly id?: PersonId },
  ) => Effect.Effect<Person, Errors.InvalidInput | Errors.Conflict>
  /** A person as stored (active or not), opened. */
  readonly find: (id: PersonId) => Effect.Effect<Option.Option<Person>>
  /** The person with this email (normalized), opened; none when unknown. */
  readonly findByEmail: (email: string) => Effect.Effect<Option.Option<Person>>
  /** A person's grants. */
  readonly grants: (id: PersonId) => Effect.Effect<ReadonlyArray<Grants.Grant>>
  /**
   * Replaces a person's grants with `grants` as `actor` (checked by
   * `Grants.check` against the person's institution); false when unknown or
   * when the grants were already these. Audited when it changes something.
   */
  readonly setGrants: (
    id: PersonId,
    grants: ReadonlyArray<Grants.Grant>,
    actor: Principal.Principal["id"],
  ) => Effect.Effect<boolean, Errors.InvalidInput>
  /** The principal an active person acts as now; none when unknown or deactivated. */
  readonly principal: (id: PersonId) => Effect.Effect<Option.Option<Principal.Principal>>
  /** The language a person reads; none when unknown or deactivated. */
  readonly language: (id: PersonId) => Effect.Effect<Option.Option<Locale.Locale>>
  /** Changes the person's language (their own choice); false when unknown. */
  readonly setLanguage: (id: PersonId, language: Locale.Locale) => Effect.Effect<boolean>
  /**
   * Deactivates the person as `actor`, ending every session of theirs in the
   * same transaction; false when unknown or already deactivated. Audited.
   */
  readonly deactivate: (id: PersonId, actor: Principal.Principal["id"]) => Effect.Effect<boolean>
  /**
   * Whether `id` is a person who was deactivated: every credential naming
   * them (session, API token, JWT) is refused. Read on every request, never
   * cached, so it holds at the next request on every instance.
   */
  readonly isDeactivated: (id: string) => Effect.Effect<boolean>
}

export class People extends Context.Tag("@bashke/identity/People")<People, Service>() {}

/** Where a sealed value belongs: opening it anywhere else fails. */
export const aad = (id: string, field: "display-name" | "email"): string => `identity-person:${id}:${field}`

interface Row {
  readonly id: string
  readonly display_name: string
  readonly email: string
  readonly language: string
  readonly institution_id: string | null
  readonly sector: string | null
  readonly active: unknown
}

// The columns that are not personal data, decoded (a decode failure's message
// quotes the value, so sealed fields are never decoded through it).
const decodeStored = SqlValues.decodeStored(
  Schema.Struct({
    id: PersonId,
    language: Locale.Locale,
    institution: Schema.optional(Id.InstitutionId),
    sector: Schema.optional(Sector.Sector),
    active: Schema.Boolean,
  }),
)

const storedOf = (row: Omit<Row, "display_name" | "email" | "language"> & { readonly language?: string }) =>
  decodeStored({
    id: row.id,
    language: row.language ?? "en",
    ...(row.institution_id === null ? {} : { institution: row.institution_id }),
    ...(row.sector === null ? {} : { sector: row.sector }),
    active: Number(row.active) === 1,
  })

const decodeGrant = SqlValues.decodeStored(Grants.Grant)

/**
 * The store over SQL (both dialects).
 */
export const layerSql: Layer.Layer<
  People,
  never,
  SqlClient.SqlClient | Vault.Vault | BlindIndex.BlindIndex | AuditLog.AuditLog | Id.IdGenerator
> = Layer.effect(
  People,
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const vault = yield* Vault.Vault
    const index = yield* BlindIndex.BlindIndex
    const audit = yield* AuditLog.AuditLog
    const ids = yield* Id.IdGenerator

    const open = (row: Row): Effect.Effect<Person> =>
      Effect.gen(function* () {
        const stored = yield* storedOf(row)
        const displayName = yield* vault.open(row.display_name, aad(row.id, "display-name"))
        const email = yield* vault.open(row.email, aad(row.id, "email"))
        return { ...stored, displayName, email }
      }).pipe(Effect.orDie)

    const select = (where: "id" | "email_index", value: string) =>
      sql<Row>`SELECT id, display_name, email, language, institution_id, sector, active
        FROM identity_people WHERE ${sql(where)} = ${value}`.pipe(Effect.orDie)

    const grants: Service["grants"] = (id) =>
      sql<{ mechanism_id: string; role: string }>`SELECT mechanism_id, role FROM identity_grants
        WHERE person_id = ${id} ORDER BY mechanism_id, role`.pipe(
        Effect.orDie,
        Effect.flatMap((rows) =>
          Effect.forEach(rows, (row) =>
            decodeGrant({ role: row.role, mechanism: row.mechanism_id === "" ? null : row.mechanism_id }),
          ),
        ),
      )

    const add: Service["add"] = (person, granted, actor, options = {}) =>
      Effect.gen(function* () {
        const checked = Grants.check(person, granted)
        if (Either.isLeft(checked)) return yield* Effect.fail(checked.left)
        const digest = yield* index.compute("email", person.email)
        if ((yield* select("email_index", digest)).length > 0)
          return yield* Effect.fail(
            new Errors.Conflict({ entity: "person", id: "-", rule: "identity.person.email-taken" }),
          )
        const id = options.id ?? ((yield* ids.next) as PersonId)
        const now = SqlValues.toSql(yield* SqlValues.currentDate)
        const displayName = yield* vault.seal(person.displayName, aad(id, "display-name"))
        const email = yield* vault.seal(person.email, aad(id, "email"))
        yield* sql
          .withTransaction(
            Effect.gen(function* () {
              yield* sql`INSERT INTO identity_people (id, display_name, email, email_index, language,
                institution_id, sector, active, created_at, changed_at, version)
                VALUES (${id}, ${displayName}, ${email}, ${digest}, ${person.language},
                ${person.institution ?? null}, ${person.sector ?? null}, 1, ${now}, ${now}, 1)`
              for (const grant of granted)
                yield* sql`INSERT INTO identity_grants (person_id, mechanism_id, role)
                  VALUES (${id}, ${grant.mechanism ?? ""}, ${grant.role})`
              yield* audit.append({
                principalId: actor,
                action: "write",
                purpose: "mechanism-administration",
                ...(person.institution === undefined ? {} : { institutionId: person.institution }),
              })
            }),
          )
          .pipe(Effect.orDie)
        return { id, ...person, active: true }
      }).pipe(Span.untraced("People.add"))

    const find: Service["find"] = (id) =>
      select("id", id).pipe(
        Effect.flatMap((rows) => (rows[0] === undefined ? Effect.succeedNone : Effect.asSome(open(rows[0])))),
      )

    const findByEmail: Service["findByEmail"] = (email) =>
      index.compute("email", email).pipe(
        Effect.flatMap((digest) => select("email_index", digest)),
        Effect.flatMap((rows) => (rows[0] === undefined ? Effect.succeedNone : Effect.asSome(open(rows[0])))),
        // An address that normalizes to nothing belongs to nobody.
        Effect.catchTag("InvalidInput", () => Effect.succeedNone),
      )

    const setGrants: Service["setGrants"] = (id, wanted, actor) =>
      Effect.gen(function* () {
        const rows = yield* sql<Omit<Row, "display_name" | "email" | "language">>`
          SELECT id, institution_id, sector, active FROM identity_people WHERE id = ${id}`.pipe(Effect.orDie)
        if (rows[0] === undefined) return false
        const stored = yield* storedOf(rows[0])
        const checked = Grants.check(stored, wanted)
        if (Either.isLeft(checked)) return yield* Effect.fail(checked.left)
        const keyOf = (grant: Grants.Grant) => `${grant.role}\u0000${grant.mechanism ?? ""}`
        const held = new Set((yield* grants(id)).map(keyOf))
        if (held.size === wanted.length && wanted.every((grant) => held.has(keyOf(grant)))) return false
        const now = SqlValues.toSql(yield* SqlValues.currentDate)
        yield* sql
          .withTransaction(
            Effect.gen(function* () {
              yield* sql`DELETE FROM identity_grants WHERE person_id = ${id}`
              for (const grant of wanted)
                yield* sql`INSERT INTO identity_grants (person_id, mechanism_id, role)
                  VALUES (${id}, ${grant.mechanism ?? ""}, ${grant.role})`
              yield* sql`UPDATE identity_people SET changed_at = ${now}, version = version + 1 WHERE id = ${id}`
              yield* audit.append({
                principalId: actor,
                action: "write",
                purpose: "mechanism-administration",
                ...(stored.institution === undefined ? {} : { institutionId: stored.institution }),
              })
            }),
          )
          .pipe(Effect.orDie)
        return true
      }).pipe(Span.untraced("People.setGrants"))

    const principal: Service["principal"] = (id) =>
      Effect.gen(function* () {
        const rows = yield* sql<Omit<Row, "display_name" | "email" | "language">>`
          SELECT id, institution_id, sector, active FROM identity_people WHERE id = ${id}`.pipe(Effect.orDie)
        if (rows[0] === undefined) return Option.none()
        const stored = yield* storedOf(rows[0])
        if (!stored.active) return Option.none()
        return Option.some(Grants.principalOf(stored, yield* grants(id)))
      }).pipe(Span.untraced("People.principal"))

    const language: Service["language"] = (id) =>
      sql<{ language: string; active: unknown }>`SELECT language, active FROM identity_people WHERE id = ${id}`.pipe(
        Effect.orDie,
        Effect.map((rows) =>
          rows[0] === undefined || Number(rows[0].active) !== 1
            ? Option.none()
            : Option.some(rows[0].language as Locale.Locale),
        ),
      )

    const setLanguage: Service["setLanguage"] = (id, chosen) =>
      Effect.gen(function* () {
        const now = SqlValues.toSql(yield* SqlValues.currentDate)
        const rows = yield* sql`UPDATE identity_people SET language = ${chosen}, changed_at = ${now},
          version = version + 1 WHERE id = ${id} RETURNING id`
        return rows.length > 0
      }).pipe(Effect.orDie)

    const deactivate: Service["deactivate"] = (id, actor) =>
      sql
        .withTransaction(
          Effect.gen(function* () {
            const now = SqlValues.toSql(yield* SqlValues.currentDate)
            const rows = yield* sql<{ institution_id: string | null }>`UPDATE identity_people
              SET active = 0, changed_at = ${now}, version = version + 1
              WHERE id = ${id} AND active = 1 RETURNING institution_id`
            const row = rows[0]
            if (row === undefined) return false
            yield* sql`UPDATE identity_sessions SET ended_at = ${now}, end_reason = 'deactivated'
              WHERE person_id = ${id} AND ended_at IS NULL`
            const institution = yield* storedOf({ id, institution_id: row.institution_id, sector: null, active: 0 })
            yield* audit.append({
              principalId: actor,
              action: "write",
              purpose: "mechanism-administration",
              ...(institution.institution === undefined ? {} : { institutionId: institution.institution }),
            })
            return true
          }),
        )
        .pipe(Effect.orDie, Span.untraced("People.deactivate"))

    const isDeactivated: Service["isDeactivated"] = (id) =>
      sql<{ active: unknown }>`SELECT active FROM identity_people WHERE id = ${id}`.pipe(
        Effect.map((rows) => rows[0] !== undefined && Number(rows[0].active) !== 1),
        Effect.orDie,
      )

    return { add, find, findByEmail, grants, setGrants, principal, language, setLanguage, deactivate, isDeactivated }
  }),
)
