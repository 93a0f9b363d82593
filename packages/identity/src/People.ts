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
import { AuditLog, BlindIndex, type Purpose, Vault } from "@bashke/security"
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
  /**
   * The active people holding a grant in `mechanism`, each as they act now
   * (the principal of all their grants) with their language, by id. Opens
   * nothing sealed, so it reads no personal data.
   */
  readonly activeIn: (mechanism: Id.MechanismId) => Effect.Effect<ReadonlyArray<Acting>>
  /** The installation's active administrators, as {@link Service.activeIn}. */
  readonly activeAdministrators: Effect.Effect<ReadonlyArray<Acting>>
  /**
   * An active person's email, opened for `reader` and audited (one `read`
   * entry per opening, with the reader's purpose); none when unknown or
   * deactivated, and then nothing is opened.
   */
  readonly openEmail: (id: PersonId, reader: Reader) => Effect.Effect<Option.Option<string>>
  /**
   * A page of people, active or not, opened for `actor` and audited (one
   * `read` entry per page): those holding a grant in one of `mechanisms`, or
   * everyone when it is absent; by id, after `after`, at most `limit + 1`
   * (the extra one tells there is more).
   */
  readonly list: (
    query: {
      readonly mechanisms?: ReadonlyArray<Id.MechanismId> | undefined
      readonly after?: PersonId | undefined
      readonly limit: number
    },
    actor: Principal.Principal["id"],
  ) => Effect.Effect<ReadonlyArray<Listed>>
  /**
   * Replaces the person's grants as `actor`, when the stored version is
   * `expectedVersion` (else `Conflict`, `version.stale`): checked by
   * `Grants.check` (`InvalidInput` naming `grants`), audited, and every session
   * of theirs ended in the same transaction (`roles-changed`): a privilege
   * change is never carried by a session started before it. The new version;
   * none when the person is unknown.
   */
  readonly setGrants: (
    id: PersonId,
    grants: ReadonlyArray<Grants.Grant>,
    actor: Principal.Principal["id"],
    expectedVersion: number,
  ) => Effect.Effect<Option.Option<number>, Errors.InvalidInput | Errors.Conflict>
  /**
   * Makes the person's grants `grants` as `actor`, whatever version the person
   * is at, through {@link Service.setGrants} (checked, audited, sessions
   * ended) — for a source of grants that is not an edit of what someone read:
   * an institution's identity provider at sign-in. False when they were
   * these already (nothing written) or the person is unknown.
   */
  readonly alignGrants: (
    id: PersonId,
    grants: ReadonlyArray<Grants.Grant>,
    actor: Principal.Principal["id"],
  ) => Effect.Effect<boolean, Errors.InvalidInput | Errors.Conflict>
}

/**
 * A person as they act now, with nothing personal: the principal their grants
 * make and the language they read — what notifications need to reach people
 * without opening anyone's name or address.
 */
export interface Acting {
  readonly principal: Principal.Principal
  readonly language: Locale.Locale
}

/**
 * Who opens a sealed value, and why: the audit entry's principal and purpose.
 */
export interface Reader {
  readonly actor: Principal.Principal["id"]
  readonly purpose: Purpose.Purpose
}

/**
 * A person as an administrator's list shows them: opened, with their grants
 * and the version a change of their roles must name (`If-Match`).
 */
export interface Listed extends Person {
  readonly grants: ReadonlyArray<Grants.Grant>
  readonly version: number
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

interface ActingRow {
  readonly id: string
  readonly language: string
  readonly institution_id: string | null
  readonly sector: string | null
  readonly mechanism_id: string
  readonly role: string
}

/** Rows of people with one grant each, ordered by person: each person once, with all their grants. */
const actingOf = (rows: ReadonlyArray<ActingRow>): Effect.Effect<ReadonlyArray<Acting>> =>
  Effect.gen(function* () {
    const byPerson = new Map<string, Array<ActingRow>>()
    for (const row of rows) byPerson.set(row.id, [...(byPerson.get(row.id) ?? []), row])
    return yield* Effect.forEach([...byPerson.values()], (held) =>
      Effect.gen(function* () {
        const first = held[0] as ActingRow
        const stored = yield* storedOf({ ...first, active: 1 })
        const granted = yield* Effect.forEach(held, (row) =>
          decodeGrant({ role: row.role, mechanism: row.mechanism_id === "" ? null : row.mechanism_id }),
        )
        return { principal: Grants.principalOf(stored, granted), language: stored.language }
      }),
    )
  })

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

    // Every grant of each active person who holds one matching `held`.
    const actingWhere = (held: { readonly mechanism: string; readonly role?: Principal.Role }) =>
      sql<ActingRow>`SELECT p.id, p.language, p.institution_id, p.sector, g.mechanism_id, g.role
        FROM identity_people p JOIN identity_grants g ON g.person_id = p.id
        WHERE p.active = 1 AND p.id IN (SELECT person_id FROM identity_grants
          WHERE mechanism_id = ${held.mechanism}${held.role === undefined ? sql`` : sql` AND role = ${held.role}`})
        ORDER BY p.id, g.mechanism_id, g.role`.pipe(Effect.orDie, Effect.flatMap(actingOf))

    const activeIn: Service["activeIn"] = (mechanism) =>
      actingWhere({ mechanism }).pipe(Span.untraced("People.activeIn"))

    const activeAdministrators: Service["activeAdministrators"] = actingWhere({
      mechanism: "",
      role: "administrator",
    }).pipe(Span.untraced("People.activeAdministrators"))

    const openEmail: Service["openEmail"] = (id, reader) =>
      Effect.gen(function* () {
        const rows = yield* sql<Pick<Row, "email" | "institution_id">>`SELECT email, institution_id
          FROM identity_people WHERE id = ${id} AND active = 1`.pipe(Effect.orDie)
        const row = rows[0]
        if (row === undefined) return Option.none()
        const stored = yield* storedOf({ id, institution_id: row.institution_id, sector: null, active: 1 })
        yield* audit
          .append({
            principalId: reader.actor,
            action: "read",
            purpose: reader.purpose,
            ...(stored.institution === undefined ? {} : { institutionId: stored.institution }),
          })
          .pipe(Effect.orDie)
        return Option.some(yield* vault.open(row.email, aad(id, "email")).pipe(Effect.orDie))
      }).pipe(Span.untraced("People.openEmail"))

    const list: Service["list"] = (query, actor) =>
      Effect.gen(function* () {
        if (query.mechanisms !== undefined && query.mechanisms.length === 0) return []
        const rows = yield* sql<Row & { version: unknown }>`SELECT id, display_name, email, language, institution_id,
          sector, active, version FROM identity_people WHERE 1 = 1
          ${query.after === undefined ? sql`` : sql`AND id > ${query.after}`}
          ${
            query.mechanisms === undefined
              ? sql``
              : sql`AND id IN (SELECT person_id FROM identity_grants WHERE ${sql.in("mechanism_id", query.mechanisms)})`
          }
          ORDER BY id LIMIT ${query.limit + 1}`.pipe(Effect.orDie)
        if (rows.length === 0) return []
        const single = query.mechanisms?.length === 1 ? query.mechanisms[0] : undefined
        yield* audit
          .append({
            principalId: actor,
            action: "read",
            purpose: "mechanism-administration",
            ...(single === undefined ? {} : { mechanismId: single }),
          })
          .pipe(Effect.orDie)
        return yield* Effect.forEach(rows, (row) =>
          Effect.gen(function* () {
            const person = yield* open(row)
            return { ...person, grants: yield* grants(person.id), version: Number(row.version) }
          }),
        )
      }).pipe(Span.untraced("People.list"))

    const setGrants: Service["setGrants"] = (id, granted, actor, expectedVersion) =>
      sql
        .withTransaction(
          Effect.gen(function* () {
            const rows = yield* sql<Omit<Row, "display_name" | "email" | "language"> & { version: unknown }>`
              SELECT id, institution_id, sector, active, version FROM identity_people WHERE id = ${id}`.pipe(
              Effect.orDie,
            )
            const row = rows[0]
            if (row === undefined) return Option.none()
            const stored = yield* storedOf(row)
            const checked = Grants.check(stored, granted)
            if (Either.isLeft(checked)) return yield* Effect.fail(checked.left)
            const version = Number(row.version)
            if (version !== expectedVersion)
              return yield* Effect.fail(
                new Errors.Conflict({
                  entity: "person",
                  id,
                  rule: "version.stale",
                  expectedVersion,
                  actualVersion: version,
                }),
              )
            const now = SqlValues.toSql(yield* SqlValues.currentDate)
            const changed = yield* sql`UPDATE identity_people SET changed_at = ${now}, version = version + 1
              WHERE id = ${id} AND version = ${version} RETURNING id`.pipe(Effect.orDie)
            if (changed.length === 0)
              return yield* Effect.fail(
                new Errors.Conflict({ entity: "person", id, rule: "version.stale", expectedVersion }),
              )
            yield* sql`DELETE FROM identity_grants WHERE person_id = ${id}`.pipe(Effect.orDie)
            for (const grant of granted)
              yield* sql`INSERT INTO identity_grants (person_id, mechanism_id, role)
                VALUES (${id}, ${grant.mechanism ?? ""}, ${grant.role})`.pipe(Effect.orDie)
            yield* sql`UPDATE identity_sessions SET ended_at = ${now}, end_reason = 'roles-changed'
              WHERE person_id = ${id} AND ended_at IS NULL`.pipe(Effect.orDie)
            yield* audit
              .append({
                principalId: actor,
                action: "write",
                purpose: "mechanism-administration",
                ...(stored.institution === undefined ? {} : { institutionId: stored.institution }),
              })
              .pipe(Effect.orDie)
            return Option.some(version + 1)
          }),
        )
        .pipe(
          Effect.catchTag("SqlError", (error) => Effect.die(error)),
          Span.untraced("People.setGrants"),
        )

    const alignGrants: Service["alignGrants"] = (id, wanted, actor) =>
      Effect.gen(function* () {
        const keyOf = (grant: Grants.Grant) => `${grant.role}\u0000${grant.mechanism ?? ""}`
        const held = new Set((yield* grants(id)).map(keyOf))
        if (held.size === wanted.length && wanted.every((grant) => held.has(keyOf(grant)))) return false
        const rows = yield* sql<{ version: unknown }>`SELECT version FROM identity_people WHERE id = ${id}`.pipe(
          Effect.orDie,
        )
        if (rows[0] === undefined) return false
        return Option.isSome(yield* setGrants(id, wanted, actor, Number(rows[0].version)))
      }).pipe(Span.untraced("People.alignGrants"))

    return {
      alignGrants,
      add,
      find,
      findByEmail,
      grants,
      principal,
      language,
      setLanguage,
      deactivate,
      isDeactivated,
      activeIn,
      activeAdministrators,
      openEmail,
      list,
      setGrants,
    }
  }),
)
