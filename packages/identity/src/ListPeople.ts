/**
 * Listing the people of a mechanism, as the current principal: an
 * administrator any mechanism's or everyone; a coordinator their own
 * mechanisms' (all of them when none is named); nobody else. Names and
 * emails are opened for the list, so each page is audited.
 */
import { Cursor, Errors, type Id, Pagination, Principal } from "@bashke/kernel"
import { Effect, Either } from "effect"
import { type Listed, People } from "./People"
import type { PersonId } from "./Person"

/**
 * Whose people a principal may list when asking for `mechanism` (or for
 * none): `"everyone"`, the mechanisms to list, or why not.
 */
export const scopeOf = (
  actor: Pick<Principal.Principal, "roles" | "mechanisms">,
  mechanism: Id.MechanismId | undefined,
): Either.Either<"everyone" | ReadonlyArray<Id.MechanismId>, Errors.Forbidden> => {
  if (actor.roles.includes("administrator")) return Either.right(mechanism === undefined ? "everyone" : [mechanism])
  if (!actor.roles.includes("coordinator"))
    return Either.left(new Errors.Forbidden({ action: "people.list", rule: "identity.people.not-administering" }))
  if (mechanism === undefined) return Either.right(actor.mechanisms)
  return actor.mechanisms.includes(mechanism)
    ? Either.right([mechanism])
    : Either.left(new Errors.Forbidden({ action: "people.list", rule: "identity.people.outside-mechanism" }))
}

/**
 * What a listing asks for: one mechanism or none, and a page.
 */
export interface Query {
  readonly mechanism?: Id.MechanismId | undefined
  readonly limit: number
  /** The `next` cursor of the previous page. */
  readonly after?: string | undefined
}

const malformed = new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" })

/**
 * A page of people (active and deactivated), by id, with their grants.
 */
export const listPeople = (
  query: Query,
): Effect.Effect<
  Pagination.Page<Listed>,
  Errors.Forbidden | Errors.InvalidInput,
  People | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    const actor = yield* Principal.CurrentPrincipal
    const scope = scopeOf(actor, query.mechanism)
    if (Either.isLeft(scope)) return yield* Effect.fail(scope.left)
    const key = query.after === undefined ? undefined : yield* Cursor.decode(query.after)
    if (key !== undefined && (key.length !== 1 || typeof key[0] !== "string")) return yield* Effect.fail(malformed)
    const rows = yield* (yield* People).list(
      {
        ...(scope.right === "everyone" ? {} : { mechanisms: scope.right }),
        ...(key === undefined ? {} : { after: key[0] as PersonId }),
        limit: query.limit,
      },
      actor.id,
    )
    return Pagination.paginate(rows, query.limit, (row) => [row.id])
  })
