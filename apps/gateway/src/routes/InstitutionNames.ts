/**
 * Institution names beside institution ids, in every answer people read
 * (memberships, memoranda, meetings and their attendance, agendas, decisions,
 * action items, referrals, action plans). The domain packages answer ids; the
 * registry (`@bashke/mechanism`'s `Institutions`) holds the names; this module
 * joins them at the edge, so no domain package learns another's data.
 *
 * Each answered record gains `institutionNames`: the name, in all four
 * languages, of every registered institution the record mentions anywhere
 * (an owner, an attendance entry, a partner), keyed by id. Which fields hold
 * institution ids is not listed by hand: every id-shaped string of the record
 * is looked up (ids are ULIDs, unique across kinds), so a new field is named
 * without touching this module. An institution the registry does not hold
 * has no entry; the id is all there is to show.
 */
import { Id, type Pagination } from "@bashke/kernel"
import { Institutions } from "@bashke/mechanism"
import { Effect, Schema } from "effect"
import * as Keyset from "./Keyset"

/** The names of the institutions a record mentions, by id. */
export const Names = Schema.Record({ key: Id.InstitutionId, value: Institutions.FullName }).annotations({
  identifier: "InstitutionNames",
  description: "The name in sq, sr-Latn, sr-Cyrl and en of every registered institution the record mentions, by id",
})

export type Names = typeof Names.Type

/** A record's schema with its `institutionNames`. */
export const named = <A, I>(schema: Schema.Schema<A, I>, identifier: string) =>
  Schema.extend(schema as Schema.Schema<A & object, I & object>, Schema.Struct({ institutionNames: Names }))
    // biome-ignore lint/suspicious/noExplicitAny: `extend` of a generic schema loses its record types; the route's answer type restores them.
    .annotations({ identifier }) as unknown as Schema.Schema<A & { readonly institutionNames: Names }, any>

/** A page of named records. */
export const namedPage = <A, I>(item: Schema.Schema<A, I>, identifier: string) =>
  Keyset.pageSchema(named(item, `Named${identifier.replace(/Page$/, "")}`), identifier)

const ulid = /^[0-9A-HJKMNP-TV-Z]{26}$/

/** Every id-shaped string in `value`, however deep. */
const idsIn = (value: unknown, found: Set<Id.InstitutionId>): Set<Id.InstitutionId> => {
  if (typeof value === "string") {
    if (ulid.test(value)) found.add(value as Id.InstitutionId)
  } else if (Array.isArray(value)) {
    for (const element of value) idsIn(element, found)
  } else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const child of Object.values(value)) idsIn(child, found)
  }
  return found
}

const namesFor = (value: unknown, names: Institutions.Names): Names => {
  const out: Record<string, Institutions.FullName> = {}
  for (const id of idsIn(value, new Set())) {
    const name = names.get(id)
    if (name !== undefined) out[id] = name
  }
  return out
}

/** The records, each with the names of the institutions it mentions (one look-up for all). */
export const attachAll = <A extends object>(
  records: ReadonlyArray<A>,
): Effect.Effect<ReadonlyArray<A & { readonly institutionNames: Names }>, never, Institutions.InstitutionStore> =>
  Effect.map(Institutions.names(idsIn(records, new Set())), (names) =>
    records.map((record) => ({ ...record, institutionNames: namesFor(record, names) })),
  )

/** The record with the names of the institutions it mentions. */
export const attach = <A extends object>(
  record: A,
): Effect.Effect<A & { readonly institutionNames: Names }, never, Institutions.InstitutionStore> =>
  Effect.map(attachAll([record]), (records) => records[0] as A & { readonly institutionNames: Names })

/** A page whose records each carry the names of the institutions they mention. */
export const attachPage = <A extends object>(
  page: Pagination.Page<A>,
): Effect.Effect<Pagination.Page<A & { readonly institutionNames: Names }>, never, Institutions.InstitutionStore> =>
  Effect.map(attachAll(page.items), (items) => ({ ...page, items }))
