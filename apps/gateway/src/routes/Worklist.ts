/**
 * `GET /v1/me/worklist`: what is due for the caller — the same due items the
 * notifications remind people of (`@bashke/notifications`'s `Worklist`), so
 * the web app's home page and the notifications never disagree. Earliest
 * deadline first, paged (`limit`, `after`), optionally one mechanism's or one
 * state's; `counts` are over the whole list. Titles are in `locale`, or the
 * caller's language, or the jurisdiction's default. Ids, codes, case
 * references and times only.
 */
import { Id, JurisdictionProfile, Locale, Principal } from "@bashke/kernel"
import { Recipients, Worklist } from "@bashke/notifications"
import { Effect, Option, Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

/** The language of a person's answers: asked for, else theirs, else the jurisdiction's. */
export const localeOf = (
  asked: Locale.Locale | undefined,
): Effect.Effect<Locale.Locale, never, Principal.CurrentPrincipal | Recipients.Recipients> =>
  Effect.gen(function* () {
    if (asked !== undefined) return asked
    const principal = yield* Principal.CurrentPrincipal
    const person = yield* (yield* Recipients.Recipients).find(principal.id)
    if (Option.isSome(person)) return person.value.locale
    return (yield* JurisdictionProfile.CurrentJurisdiction).languages.defaultLocale
  })

const WorklistQuery = Keyset.query({
  mechanismId: Schema.optional(Id.MechanismId),
  state: Schema.optional(Worklist.State),
  locale: Schema.optional(Locale.Locale),
})

const worklist = Route.make({
  method: "get",
  path: "/v1/me/worklist",
  operationId: "getMyWorklist",
  tag: "me",
  summary: "What is due for the caller, earliest deadline first: overdue, due soon and upcoming",
  querySchema: WorklistQuery,
  success: { status: 200, schema: Worklist.Worklist },
  handle: ({ query }) =>
    Effect.gen(function* () {
      const principal = yield* Principal.CurrentPrincipal
      return yield* Worklist.forPrincipal(principal, {
        locale: yield* localeOf(query.locale),
        mechanism: query.mechanismId,
        state: query.state,
        limit: query.limit,
        after: query.after,
      })
    }),
})

export const routes: ReadonlyArray<Route.AnyRoute> = [worklist]
