/**
 * A person's sign-in history, for whoever may administer them
 * (`Grants.mayAdminister`) and for the person themselves: each sign-in, when
 * it was last used, and when and why it ended. Someone out of reach gets the
 * `NotFound` an unknown person gets. Each page read is audited.
 */
import { Cursor, Errors, Pagination, Principal } from "@bashke/kernel"
import { AuditLog } from "@bashke/security"
import { Effect, Option } from "effect"
import * as Grants from "./Grants"
import { People } from "./People"
import type { PersonId } from "./Person"
import type { SessionId, SignInRecord } from "./Session"
import { Sessions } from "./Sessions"

const malformed = new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" })

/**
 * A page of the person's sign-ins, the latest first; `after` is the `next`
 * cursor of the previous page.
 */
export const signInHistory = (
  id: PersonId,
  page: { readonly limit: number; readonly after?: string | undefined },
): Effect.Effect<
  Pagination.Page<SignInRecord>,
  Errors.NotFound | Errors.InvalidInput,
  People | Sessions | AuditLog.AuditLog | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    const actor = yield* Principal.CurrentPrincipal
    const people = yield* People
    const person = yield* people.find(id)
    if (Option.isNone(person) || (actor.id !== id && !Grants.mayAdminister(actor, yield* people.grants(id))))
      return yield* Effect.fail(new Errors.NotFound({ entity: "person", id }))
    const key = page.after === undefined ? undefined : yield* Cursor.decode(page.after)
    if (key !== undefined && (key.length !== 1 || typeof key[0] !== "string")) return yield* Effect.fail(malformed)
    const rows = yield* (yield* Sessions).history(id, {
      limit: page.limit,
      ...(key === undefined ? {} : { before: key[0] as SessionId }),
    })
    yield* (yield* AuditLog.AuditLog)
      .append({
        principalId: actor.id,
        action: "read",
        purpose: "mechanism-administration",
        ...(person.value.institution === undefined ? {} : { institutionId: person.value.institution }),
      })
      .pipe(Effect.orDie)
    return Pagination.paginate(rows, page.limit, (row) => [row.id])
  })
