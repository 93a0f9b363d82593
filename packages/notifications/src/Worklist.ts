/**
 * A person's worklist: what is due for them, from the same due items the
 * scheduler reminds people of, so the web app's home page and the
 * notifications never disagree. An item is on a person's worklist when they
 * are among those who must act on it (`responsible`), or among those a
 * reminder of it has already reached (the sending institution once a
 * referral is overdue, the coordinator once it is escalated); and when it is
 * overdue, or due within the profile's `notifications.worklistHorizon` (two
 * weeks in Kosovo). Items that no longer matter (a hearing that has begun)
 * are gone.
 *
 * The answer, `GET /v1/me/worklist` in the gateway:
 *
 * ```json
 * {
 *   "generatedAt": "2026-03-02T13:05:00.000Z",
 *   "locale": "sq",
 *   "counts": { "overdue": 1, "due": 0, "upcoming": 3 },
 *   "items": [
 *     {
 *       "key": "referral.acknowledge:01JR…",
 *       "kind": "referral.acknowledge",
 *       "title": "Konfirmo marrjen e referimit",
 *       "state": "overdue",
 *       "dueAt": "2026-03-02T13:00:00.000Z",
 *       "escalated": false,
 *       "mechanism": "01JM…",
 *       "case": { "id": "01JC…", "reference": "GJI-2026-0001" },
 *       "subject": { "type": "referral", "id": "01JR…" },
 *       "link": "/referrals/01JR…"
 *     }
 *   ],
 *   "next": null
 * }
 * ```
 *
 * Items come earliest deadline first (so overdue first), paged by `next`;
 * `counts` are over the whole list, whatever the page. `day` is set for a
 * thing due on a calendar day (an action item), `case` for a thing about a
 * case. `title` is in the person's language; `kind` is stable for code.
 */
import { OpenCases } from "@bashke/case"
import {
  CivilDate,
  Cursor,
  Deadline,
  Due,
  type Errors,
  Id,
  Instant,
  JurisdictionProfile,
  Locale,
  Pagination,
  type Principal,
} from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Audiences from "./Audiences"
import * as DueItems from "./DueItems"
import * as Links from "./Links"
import * as Wording from "./Wording"

/**
 * Where an item stands: `overdue` (its deadline passed), `due` (its first
 * reminder has gone out), `upcoming`.
 */
export const State = Schema.Literal("upcoming", "due", "overdue").annotations({ identifier: "WorklistState" })

/**
 * One thing due on a worklist.
 */
export const WorklistItem = Schema.Struct({
  key: Schema.String,
  kind: Schema.String,
  title: Schema.String,
  state: State,
  dueAt: Schema.Date,
  day: Schema.optional(CivilDate.CivilDate),
  escalated: Schema.Boolean,
  mechanism: Id.MechanismId,
  case: Schema.optional(Schema.Struct({ id: Id.CaseId, reference: Schema.String })),
  subject: Schema.Struct({ type: Due.SubjectType, id: Schema.String }),
  link: Schema.String,
}).annotations({ identifier: "WorklistItem" })

export type WorklistItem = typeof WorklistItem.Type

/**
 * A page of a person's worklist.
 */
export const Worklist = Schema.Struct({
  generatedAt: Schema.Date,
  locale: Locale.Locale,
  counts: Schema.Struct({ overdue: Schema.Int, due: Schema.Int, upcoming: Schema.Int }),
  items: Schema.Array(WorklistItem),
  next: Schema.NullOr(Schema.String),
}).annotations({ identifier: "Worklist" })

export type Worklist = typeof Worklist.Type

/**
 * What a worklist is asked for: one mechanism or all the person's, one state
 * or all, a page.
 */
export interface Request {
  readonly locale: Locale.Locale
  readonly mechanism?: Id.MechanismId | undefined
  readonly state?: typeof State.Type | undefined
  readonly limit: number
  readonly after?: string | undefined
}

/**
 * Whether an item belongs on `principal`'s worklist at `now` (see the module's notes).
 */
export const concerns = (principal: Principal.Principal, item: Due.Item, now: Date): boolean => {
  const member = (audience: Due.Audience) => Audiences.includes(principal, item.mechanism, audience)
  return item.responsible.some(member) || Due.dueReminders(item, now).some((reminder) => reminder.audience.some(member))
}

/**
 * Whether an item is on worklists at `now`: it still matters, and it is
 * overdue or due within the horizon.
 */
export const shown = (item: Due.Item, now: Date, profile: JurisdictionProfile.JurisdictionProfile): boolean =>
  Due.current(item, now) &&
  item.dueAt.getTime() <= Deadline.addToInstant(now, profile.notifications.worklistHorizon, profile.timezone).getTime()

const keyOf = (item: WorklistItem): Cursor.Key => [item.dueAt.toISOString(), item.key]

/**
 * The worklist of `principal`: the due items of their mechanisms (or the one
 * asked for) that concern them, in the request's language.
 */
export const forPrincipal = (
  principal: Principal.Principal,
  request: Request,
): Effect.Effect<Worklist, Errors.InvalidInput, DueItems.Sources> =>
  Effect.gen(function* () {
    const now = yield* Instant.now
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const mechanisms = principal.mechanisms.filter(
      (mechanism) => request.mechanism === undefined || mechanism === request.mechanism,
    )
    const items: Array<Due.Item> = []
    for (const mechanism of mechanisms)
      for (const item of yield* DueItems.forMechanism(mechanism))
        if (shown(item, now, profile) && concerns(principal, item, now)) items.push(item)
    const caseIds = items.flatMap((item) => (item.case === undefined ? [] : [item.case]))
    const headings = caseIds.length === 0 ? new Map() : yield* (yield* OpenCases.OpenCases).headings(caseIds)
    const all = items.map((item): WorklistItem => {
      const reference = item.case === undefined ? undefined : headings.get(item.case)?.reference
      return {
        key: item.key,
        kind: item.kind,
        title: Wording.title(item.kind, "due", request.locale),
        state: Due.state(item, now),
        dueAt: item.dueAt,
        ...(item.day === undefined ? {} : { day: item.day }),
        escalated: Due.escalated(item, now),
        mechanism: item.mechanism,
        ...(item.case === undefined || reference === undefined ? {} : { case: { id: item.case, reference } }),
        subject: item.subject,
        link: Links.pathOf(item.subject, item.case),
      }
    })
    const counts = { overdue: 0, due: 0, upcoming: 0 }
    for (const item of all) counts[item.state]++
    const after = request.after === undefined ? undefined : yield* Cursor.decode(request.after)
    const rows = all
      .filter((item) => request.state === undefined || item.state === request.state)
      .filter((item) => after === undefined || Cursor.compare(keyOf(item), after) > 0)
      .sort((a, b) => Cursor.compare(keyOf(a), keyOf(b)))
      .slice(0, request.limit + 1)
    const page = Pagination.paginate(rows, request.limit, keyOf)
    return { generatedAt: now, locale: request.locale, counts, items: page.items, next: page.next }
  }).pipe(Effect.withSpan("Worklist.forPrincipal"))
