/**
 * The institution registry: every institution the platform names — a police
 * station, the centre for social work, a court, an NGO — with its name in the
 * four interface languages, its sector and its municipality (none for a
 * national institution). Memberships, attendance, action items and referrals
 * carry institution ids; answers people read look the names up here.
 *
 * The model is the kernel's `Institution` with a version and its dates; this
 * module holds it, the rules on its name, the store's port and the read use
 * cases. An institution's name is public information, not personal data:
 * anyone signed in may read the registry. Only an administrator registers and
 * revises institutions (`RegisterInstitution`, `ReviseInstitution`), and each
 * change is audited.
 *
 * An institution is registered under the id the platform already knows it by
 * (a member's `institutionId`), or under a fresh one; ids are never reused.
 */
import {
  Cursor,
  Errors,
  Id,
  type Institution,
  Municipality,
  Pagination,
  Principal,
  Sector,
  Transliteration,
} from "@bashke/kernel"
import { Context, Effect, Option, Schema } from "effect"

const Text = Schema.String.pipe(
  Schema.filter((s) => (s.trim().length > 0 && s.length <= 300) || "mechanism.institution.name-invalid", {
    arbitrary: () => (fc) =>
      fc
        .string({ minLength: 1, maxLength: 40 })
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
  }),
)

/**
 * An institution's name as entered: Albanian, Serbian (Latin) and English are
 * required; Serbian Cyrillic is derived from the Latin text unless given (give
 * it where transliteration would mangle a name). Each 1 to 300 characters
 * (`mechanism.institution.name-invalid`).
 */
export const NameInput = Schema.Struct({
  sq: Text,
  "sr-Latn": Text,
  "sr-Cyrl": Schema.optional(Text),
  en: Text,
}).annotations({ identifier: "InstitutionNameInput" })

export type NameInput = typeof NameInput.Type

/**
 * An institution's name in all four languages, as stored and answered.
 */
export const FullName = Schema.Struct({
  sq: Schema.String,
  "sr-Latn": Schema.String,
  "sr-Cyrl": Schema.String,
  en: Schema.String,
}).annotations({ identifier: "InstitutionName" })

export type FullName = typeof FullName.Type

/**
 * The name in all four languages: the texts trimmed, Serbian Cyrillic derived
 * from Serbian Latin when it was not given.
 */
export const fullName = (input: NameInput): FullName => ({
  sq: input.sq.trim(),
  "sr-Latn": input["sr-Latn"].trim(),
  "sr-Cyrl": input["sr-Cyrl"]?.trim() ?? Transliteration.toCyrillic(input["sr-Latn"].trim()),
  en: input.en.trim(),
})

/**
 * A registered institution: the kernel's `Institution` with its name in all
 * four languages, a version (optimistic concurrency: `ETag`/`If-Match`) and
 * when it was registered and last revised.
 */
export const RegisteredInstitution = Schema.Struct({
  id: Id.InstitutionId,
  name: FullName,
  sector: Sector.Sector,
  municipality: Schema.optional(Municipality.MunicipalityCode),
  version: Schema.Int.pipe(Schema.positive()),
  createdAt: Schema.Date,
  updatedAt: Schema.Date,
}).annotations({ identifier: "RegisteredInstitution" })

export type RegisteredInstitution = typeof RegisteredInstitution.Type

/**
 * The registered institution as the kernel's `Institution`.
 */
export const toInstitution = (registered: RegisteredInstitution): Institution.Institution => ({
  id: registered.id,
  name: registered.name,
  sector: registered.sector,
  ...(registered.municipality === undefined ? {} : { municipality: registered.municipality }),
})

/**
 * Names by institution id, for answers that carry institution ids.
 */
export type Names = ReadonlyMap<Id.InstitutionId, FullName>

/**
 * The events the registry writes to the outbox (aggregate type `Institution`),
 * with ids and codes only.
 */
export const topics = {
  registered: "mechanism.institution.registered",
  revised: "mechanism.institution.revised",
} as const

/**
 * The aggregate type of the registry's events.
 */
export const aggregateType = "Institution"

/**
 * The store of the registry. `insert` fails with `Conflict`
 * (`mechanism.institution.already-registered`) for an id already registered;
 * `update` with `NotFound` or `Conflict` (`version.stale`) and changes nothing
 * then. A database failure is a defect.
 */
export interface Store {
  readonly insert: (institution: RegisteredInstitution) => Effect.Effect<void, Errors.Conflict>
  readonly update: (
    institution: RegisteredInstitution,
    expectedVersion: number,
  ) => Effect.Effect<RegisteredInstitution, Errors.NotFound | Errors.Conflict>
  readonly find: (id: Id.InstitutionId) => Effect.Effect<Option.Option<RegisteredInstitution>>
  /** Every institution, by id (registration order). */
  readonly list: Effect.Effect<ReadonlyArray<RegisteredInstitution>>
  /**
   * At most `limit` institutions by id after `after`, of one sector or
   * municipality when given (the primary key and mechanism migration 6's indexes).
   */
  readonly page: (
    step: Filter & { readonly after?: Id.InstitutionId | undefined; readonly limit: number },
  ) => Effect.Effect<ReadonlyArray<RegisteredInstitution>>
  /** The names of those of `ids` that are registered. */
  readonly names: (ids: ReadonlyArray<Id.InstitutionId>) => Effect.Effect<Names>
}

/** What a page of the registry keeps: the institutions of one sector, of one municipality. */
export interface Filter {
  readonly sector?: Sector.Sector | undefined
  readonly municipality?: Municipality.MunicipalityCode | undefined
}

export class InstitutionStore extends Context.Tag("@bashke/mechanism/InstitutionStore")<InstitutionStore, Store>() {}

/**
 * The principal, when it is an administrator
 * (`mechanism.institution.administrator-required` otherwise).
 */
export const requireAdministrator = (
  action: string,
): Effect.Effect<Principal.Principal, Errors.Forbidden, Principal.CurrentPrincipal> =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    Principal.hasRole(principal, "administrator")
      ? Effect.succeed(principal)
      : Effect.fail(new Errors.Forbidden({ action, rule: "mechanism.institution.administrator-required" })),
  )

/**
 * A registered institution; `NotFound` (entity `Institution`) for an id the registry does not hold.
 */
export const find = (id: Id.InstitutionId): Effect.Effect<RegisteredInstitution, Errors.NotFound, InstitutionStore> =>
  Effect.flatMap(InstitutionStore, (store) =>
    Effect.flatMap(
      store.find(id),
      Option.match({
        onNone: () => Effect.fail(new Errors.NotFound({ entity: "Institution", id })),
        onSome: Effect.succeed,
      }),
    ),
  )

/**
 * Every registered institution.
 */
export const list: Effect.Effect<ReadonlyArray<RegisteredInstitution>, never, InstitutionStore> = Effect.flatMap(
  InstitutionStore,
  (store) => store.list,
)

const InstitutionKey = Schema.Tuple(Id.InstitutionId)

/**
 * A page of the registry by id, of the filter's, after the `after` cursor of
 * the previous page (`pagination.cursor.malformed` for a cursor that names no
 * institution id): paged in SQL by keyset, so a page costs the same however
 * many institutions there are.
 */
export const page = (
  filter: Filter,
  query: { readonly limit: number; readonly after?: string | undefined },
): Effect.Effect<Pagination.Page<RegisteredInstitution>, Errors.InvalidInput, InstitutionStore> =>
  Effect.gen(function* () {
    const after = yield* Cursor.afterKey(InstitutionKey, query.after)
    const rows = yield* (yield* InstitutionStore).page({ ...filter, after: after?.[0], limit: query.limit + 1 })
    return Pagination.paginate(rows, query.limit, (institution) => [institution.id])
  })

/**
 * The names of those of `ids` that are registered (an id twice is looked up once).
 */
export const names = (ids: Iterable<Id.InstitutionId>): Effect.Effect<Names, never, InstitutionStore> => {
  const unique = [...new Set(ids)]
  return unique.length === 0
    ? Effect.succeed(new Map())
    : Effect.flatMap(InstitutionStore, (store) => store.names(unique))
}
