/**
 * The mechanism aggregate's lists as pages, paged in SQL by keyset (ADR 0034)
 * through the repository port, so no caller reads the repository itself and a
 * page costs the same however long the list: the mechanisms a principal may
 * read by id, a mechanism's memberships by (joining day, id), its memorandum
 * versions by number. Each cursor is decoded with its key's schema, so a
 * cursor of another list is `pagination.cursor.malformed`.
 */
import { CivilDate, Cursor, Errors, Id, Pagination, Principal } from "@bashke/kernel"
import { Effect, Option, Schema } from "effect"
import type { Mechanism } from "./Mechanism"
import * as MechanismPolicy from "./MechanismPolicy"
import { type MechanismFilter, MechanismRepository, type MembershipFilter } from "./MechanismRepository"
import type { Membership } from "./Membership"
import type { MemorandumVersion } from "./Memorandum"

/** A page request: `limit` rows after the `after` cursor of the previous page. */
export interface PageQuery {
  readonly limit: number
  readonly after?: string | undefined
}

const MechanismKey = Schema.Tuple(Id.MechanismId)
const MembershipKey = Schema.Tuple(CivilDate.CivilDate, Id.MembershipId)
const VersionKey = Schema.Tuple(Schema.Int.pipe(Schema.positive()))

/** The key the memberships are ordered by: the day it began, then its id. */
export const membershipKey = (membership: Membership): Cursor.Key => [membership.joinedOn, membership.id]

/**
 * The mechanisms `principal` may read (`MechanismPolicy.mayRead`: every one
 * for those who read across mechanisms, those its token names for anyone
 * else), of one municipality or status when given, by id.
 */
export const mechanisms = (
  principal: Principal.Principal,
  filter: Omit<MechanismFilter, "within">,
  query: PageQuery,
): Effect.Effect<Pagination.Page<Mechanism>, Errors.InvalidInput, MechanismRepository> =>
  Effect.gen(function* () {
    const after = yield* Cursor.afterKey(MechanismKey, query.after)
    const across = Principal.hasAnyRole(principal, MechanismPolicy.readersAcross)
    const rows = yield* (yield* MechanismRepository).mechanismPage({
      ...filter,
      within: across ? undefined : principal.mechanisms,
      after: after?.[0],
      limit: query.limit + 1,
    })
    // The policy holds for every row the SQL kept; checking again costs nothing and keeps one rule.
    const readable = rows.filter((mechanism) => MechanismPolicy.mayRead(principal, mechanism.id))
    return Pagination.paginate(readable, query.limit, (mechanism) => [mechanism.id])
  })

// An unknown mechanism is `NotFound`, as reading its lists whole was.
const requireMechanism = (mechanismId: Id.MechanismId) =>
  Effect.flatMap(MechanismRepository, (repository) =>
    Effect.flatMap(repository.findMechanism(mechanismId), (found) =>
      Option.isSome(found) ? Effect.void : Effect.fail(new Errors.NotFound({ entity: "Mechanism", id: mechanismId })),
    ),
  )

/**
 * A mechanism's memberships, past and present, by (joining day, id): only
 * those covering the day `on`, of one sector, when given.
 */
export const memberships = (
  mechanismId: Id.MechanismId,
  filter: MembershipFilter,
  query: PageQuery,
): Effect.Effect<Pagination.Page<Membership>, Errors.InvalidInput | Errors.NotFound, MechanismRepository> =>
  Effect.gen(function* () {
    yield* requireMechanism(mechanismId)
    const after = yield* Cursor.afterKey(MembershipKey, query.after)
    const rows = yield* (yield* MechanismRepository).membershipPage(mechanismId, {
      ...filter,
      after,
      limit: query.limit + 1,
    })
    return Pagination.paginate(rows, query.limit, membershipKey)
  })

/** A mechanism's published memorandum versions with their signatures, by version number. */
export const memoranda = (
  mechanismId: Id.MechanismId,
  query: PageQuery,
): Effect.Effect<Pagination.Page<MemorandumVersion>, Errors.InvalidInput | Errors.NotFound, MechanismRepository> =>
  Effect.gen(function* () {
    yield* requireMechanism(mechanismId)
    const after = yield* Cursor.afterKey(VersionKey, query.after)
    const rows = yield* (yield* MechanismRepository).memorandumPage(mechanismId, {
      after: after?.[0],
      limit: query.limit + 1,
    })
    return Pagination.paginate(rows, query.limit, (version) => [version.version])
  })
