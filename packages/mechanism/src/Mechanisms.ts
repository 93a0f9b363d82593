/**
 * The read side of mechanisms, for the packages built on them: the meeting
 * package (coordinator, cadence, quorum rule, members on a day) and the case
 * and security work (`isSignatory`, `signatories` to gate case data). Reading
 * here touches no personal data, so it needs no principal and writes no audit
 * entry.
 *
 * Days are given as a calendar date (`"2026-03-01"`) or an instant, which is
 * read in the jurisdiction's time zone (`CurrentJurisdiction`).
 *
 * `layer` reads through the repository; `layerTest` answers from plain data,
 * for the tests of other packages.
 */
import { type CivilDate, Errors, type Id, JurisdictionProfile, Span } from "@bashke/kernel"
import { Context, Effect, Layer, Option } from "effect"
import type { Mechanism } from "./Mechanism"
import { MechanismRepository } from "./MechanismRepository"
import * as Membership from "./Membership"
import * as Memorandum from "./Memorandum"

/**
 * A day as a calendar date or an instant.
 */
export type Day = Date | CivilDate.CivilDate

export interface Service {
  /** A mechanism: status, coordinator membership, cadence, quorum rule, municipality. */
  readonly get: (id: Id.MechanismId) => Effect.Effect<Mechanism, Errors.NotFound>
  /** Every mechanism, oldest first. */
  readonly list: Effect.Effect<ReadonlyArray<Mechanism>>
  /** The memberships that cover `at` (id, institution, sector, dates), in joining order. */
  readonly members: (
    id: Id.MechanismId,
    at: Day,
  ) => Effect.Effect<ReadonlyArray<Membership.Membership>, Errors.NotFound>
  /** Every membership, past and present, in joining order. */
  readonly memberships: (id: Id.MechanismId) => Effect.Effect<ReadonlyArray<Membership.Membership>, Errors.NotFound>
  /** Every published memorandum version with its signatures, oldest first. */
  readonly memoranda: (
    id: Id.MechanismId,
  ) => Effect.Effect<ReadonlyArray<Memorandum.MemorandumVersion>, Errors.NotFound>
  /**
   * Whether `institutionId` is a member on `at` and signed the memorandum
   * version in force on `at` (on or before that day): the condition for seeing
   * case data. An unknown mechanism is simply `false`.
   */
  readonly isSignatory: (id: Id.MechanismId, institutionId: Id.InstitutionId, at: Day) => Effect.Effect<boolean>
  /** The institutions for which `isSignatory` holds on `at` (for `AccessPolicy` resources). */
  readonly signatories: (id: Id.MechanismId, at: Day) => Effect.Effect<ReadonlyArray<Id.InstitutionId>>
  /**
   * The signatories on `at` with their membership covering `at` (the first in
   * joining order, for the sector): `signatories` and `members` joined in one
   * read of the mechanism, for a policy check per request. An unknown
   * mechanism has none.
   */
  readonly signatoryMembers: (id: Id.MechanismId, at: Day) => Effect.Effect<ReadonlyArray<Membership.Membership>>
}

export class Mechanisms extends Context.Tag("@bashke/mechanism/Mechanisms")<Mechanisms, Service>() {}

/**
 * The signatories that are members on `day`: the pure rule behind
 * `Mechanisms.isSignatory` and `signatories`.
 */
export const memberSignatories = (
  memoranda: ReadonlyArray<Memorandum.MemorandumVersion>,
  memberships: ReadonlyArray<Membership.Membership>,
  day: CivilDate.CivilDate,
): ReadonlyArray<Id.InstitutionId> =>
  Memorandum.signatories(memoranda, day).filter((institutionId) => Membership.isMember(memberships, institutionId, day))

/**
 * The data `fromData` answers from.
 */
export interface Data {
  readonly mechanisms: ReadonlyArray<Mechanism>
  readonly memberships: ReadonlyArray<Membership.Membership>
  readonly memoranda: ReadonlyArray<Memorandum.MemorandumVersion>
}

const notFound = (id: Id.MechanismId) => new Errors.NotFound({ entity: "Mechanism", id })

/** How many mechanisms' rosters one instance keeps (a country has a few dozen mechanisms). */
const rosterCacheSize = 1024

/**
 * The service over a source of mechanisms, memberships and memoranda. When the
 * source has a `rosterVersion`, each mechanism's memberships and memoranda
 * are kept under the version they were read at and read again only once it
 * changed: a policy check reads the version (one row) instead of the roster.
 */
export const fromSource = (source: {
  readonly find: (id: Id.MechanismId) => Effect.Effect<Option.Option<Mechanism>>
  readonly list: Effect.Effect<ReadonlyArray<Mechanism>>
  readonly memberships: (id: Id.MechanismId) => Effect.Effect<ReadonlyArray<Membership.Membership>>
  readonly memoranda: (id: Id.MechanismId) => Effect.Effect<ReadonlyArray<Memorandum.MemorandumVersion>>
  readonly rosterVersion?: Effect.Effect<string> | undefined
}): Service => {
  const get: Service["get"] = (id) =>
    Effect.flatMap(source.find(id), Option.match({ onNone: () => Effect.fail(notFound(id)), onSome: Effect.succeed }))
  interface Roster {
    readonly version: string
    readonly memberships: ReadonlyArray<Membership.Membership>
    readonly memoranda: ReadonlyArray<Memorandum.MemorandumVersion>
  }
  const rosters = new Map<string, Roster>()
  // The version is read before the rows, so what is kept is never older than
  // the version it is kept under: a change committed in between only costs
  // one more read at the next check.
  const roster = (id: Id.MechanismId): Effect.Effect<Omit<Roster, "version">> => {
    const version = source.rosterVersion
    const read = Effect.all({ memberships: source.memberships(id), memoranda: source.memoranda(id) })
    if (version === undefined) return read
    return Effect.flatMap(version, (current) => {
      const kept = rosters.get(id)
      if (kept !== undefined && kept.version === current) return Effect.succeed(kept)
      return Effect.map(read, (rows) => {
        if (rosters.size >= rosterCacheSize) rosters.clear()
        // The object kept is the one answered: what is kept beside it (`signatoryMembersOf`) holds from now.
        const fresh = { version: current, ...rows }
        rosters.set(id, fresh)
        return fresh
      })
    })
  }
  const memberships: Service["memberships"] = (id) =>
    Effect.zipRight(
      get(id),
      Effect.map(roster(id), (kept) => kept.memberships),
    )
  const memoranda: Service["memoranda"] = (id) =>
    Effect.zipRight(
      get(id),
      Effect.map(roster(id), (kept) => kept.memoranda),
    )
  const members: Service["members"] = (id, at) =>
    Effect.gen(function* () {
      const all = yield* memberships(id)
      return Membership.current(all, yield* JurisdictionProfile.dayOf(at))
    })
  const signatories: Service["signatories"] = (id, at) =>
    Effect.gen(function* () {
      const day = yield* JurisdictionProfile.dayOf(at)
      const kept = yield* roster(id)
      return memberSignatories(kept.memoranda, kept.memberships, day)
    })
  // A kept roster's signatory members, for the last day asked: the same on every
  // use case on a case all day, until the roster changes (a new roster object).
  const signatoryMembersOf = new WeakMap<
    Omit<Roster, "version">,
    { readonly day: CivilDate.CivilDate; readonly members: ReadonlyArray<Membership.Membership> }
  >()
  // No generator: asked on every use case on a case (`Signatories.at`).
  const signatoryMembers: Service["signatoryMembers"] = (id, at) =>
    Effect.flatMap(JurisdictionProfile.dayOf(at), (day) =>
      Effect.map(roster(id), (kept) => {
        const known = signatoryMembersOf.get(kept)
        if (known !== undefined && known.day === day) return known.members
        const current = Membership.current(kept.memberships, day)
        const members = memberSignatories(kept.memoranda, kept.memberships, day).flatMap((institution) => {
          const member = current.find((membership) => membership.institutionId === institution)
          return member === undefined ? [] : [member]
        })
        signatoryMembersOf.set(kept, { day, members })
        return members
      }),
    )
  const isSignatory: Service["isSignatory"] = (id, institutionId, at) =>
    Effect.map(signatories(id, at), (institutions) => institutions.includes(institutionId))
  return {
    get: (id) => get(id).pipe(Span.untraced("Mechanisms.get")),
    list: source.list.pipe(Span.untraced("Mechanisms.list")),
    members: (id, at) => members(id, at).pipe(Span.untraced("Mechanisms.members")),
    memberships: (id) => memberships(id).pipe(Span.untraced("Mechanisms.memberships")),
    memoranda: (id) => memoranda(id).pipe(Span.untraced("Mechanisms.memoranda")),
    isSignatory: (id, institutionId, at) =>
      isSignatory(id, institutionId, at).pipe(Span.untraced("Mechanisms.isSignatory")),
    signatories: (id, at) => signatories(id, at).pipe(Span.untraced("Mechanisms.signatories")),
    // No span: asked on every use case on a case, under its span; the roster is
    // kept, so this is the version's one statement (spanned by `sql.execute`),
    // and a span more cost a copy of the request's context each time.
    signatoryMembers,
  }
}

/**
 * The service over the repository.
 */
export const layer: Layer.Layer<Mechanisms, never, MechanismRepository> = Layer.effect(
  Mechanisms,
  Effect.map(MechanismRepository, (repository) =>
    fromSource({
      find: repository.findMechanism,
      list: repository.listMechanisms,
      memberships: repository.memberships,
      memoranda: repository.memoranda,
      rosterVersion: repository.rosterVersion,
    }),
  ),
)

/**
 * The service over fixed data: a fake for the tests of packages built on this one.
 */
export const fromData = (data: Data): Service =>
  fromSource({
    find: (id) => Effect.succeed(Option.fromNullable(data.mechanisms.find((m) => m.id === id))),
    list: Effect.succeed(data.mechanisms),
    memberships: (id) => Effect.succeed(data.memberships.filter((m) => m.mechanismId === id)),
    memoranda: (id) => Effect.succeed(data.memoranda.filter((m) => m.mechanismId === id)),
  })

/**
 * {@link fromData} as a layer.
 */
export const layerTest = (data: Data): Layer.Layer<Mechanisms> => Layer.succeed(Mechanisms, fromData(data))
