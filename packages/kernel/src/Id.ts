/**
 * Identifiers: ULIDs (48-bit millisecond time + 80 random bits, Crockford base32,
 * 26 characters), so ids sort by creation time as plain strings and can be made
 * anywhere — a Worker, a plugin, an offline client — without asking a database.
 *
 * Each entity has its own branded id schema (a `CaseId` is not a `PersonId`), made
 * with {@link make}; ids come from the {@link IdGenerator} service, which is
 * monotonic: a burst within one millisecond still yields strictly increasing ids,
 * each a random step of at least 2^47 past the last, so no id can be guessed from
 * another.
 */
import { type Brand, Clock, Context, Effect, Layer, Schema } from "effect"
import * as internal from "./internal/ulid"

/**
 * A ULID as a string: 26 characters of Crockford base32, the first in `0`–`7`.
 * A failed decode reports the catalogue key `id.malformed`.
 */
export const Ulid = Schema.String.pipe(
  Schema.pattern(internal.pattern, {
    identifier: "Ulid",
    description: "a ULID: 26 characters of Crockford base32, sortable by creation time",
    message: () => "id.malformed",
    arbitrary: () => (fc) =>
      fc
        .tuple(
          fc.integer({ min: 0, max: internal.maxTime }),
          fc.uint8Array({ minLength: internal.randomLength, maxLength: internal.randomLength }),
        )
        .map(([time, random]) => internal.encode(time, random)),
  }),
)

/**
 * The largest time (milliseconds since the epoch) a ULID can carry.
 */
export const maxTime: number = internal.maxTime

/**
 * The ULID for a time and 10 random bytes. Pure: the same inputs give the same id.
 * Throws a `RangeError` for a time outside `[0, 2^48 - 1]` or a byte count other
 * than 10 (a programming error, not a domain failure).
 */
export const ulidAt = (timeMillis: number, randomBytes: Uint8Array): string => internal.encode(timeMillis, randomBytes)

/**
 * The creation time (milliseconds since the epoch) written in a ULID.
 */
export const timeOf = (id: string): number => internal.decodeTime(id)

/**
 * The source of new ids. Each instance keeps its own monotonic state: provide
 * the layer once, in the application's main layer, so every id of the process
 * comes from one increasing sequence.
 */
export class IdGenerator extends Context.Tag("@bashke/kernel/IdGenerator")<
  IdGenerator,
  {
    /** The next id: later than every id this generator made before. */
    readonly next: Effect.Effect<string>
    /**
     * The next `count` ids at once, in increasing order, each as `next` would
     * make it (one reading of the clock for all): for a bulk write's rows,
     * where an effect per id cost more than the id.
     */
    readonly nextMany: (count: number) => Effect.Effect<ReadonlyArray<string>>
  }
>() {}

const fromRandom = (random: () => Uint8Array): IdGenerator["Type"] => {
  const state = internal.monotonic(random)
  return {
    next: Effect.map(Clock.currentTimeMillis, (now) => state.next(now)),
    nextMany: (count) =>
      Effect.map(Clock.currentTimeMillis, (now) => {
        const ids: Array<string> = []
        for (let i = 0; i < count; i++) ids.push(state.next(now))
        return ids
      }),
  }
}

// Randomness drawn 256 ids at a time: a call of `getRandomValues` costs about
// 3 µs whatever its length, and a bulk import makes several ids a record. Each
// id's bytes are its own slice of a fresh buffer, handed out once.
const pooledRandom = (): (() => Uint8Array) => {
  let pool = new Uint8Array(0)
  let offset = 0
  return () => {
    if (offset + internal.randomLength > pool.length) {
      pool = crypto.getRandomValues(new Uint8Array(internal.randomLength * 256))
      offset = 0
    }
    offset += internal.randomLength
    return pool.subarray(offset - internal.randomLength, offset)
  }
}

/**
 * The production generator: time from Effect's `Clock`, randomness from WebCrypto's
 * `crypto.getRandomValues` (a global on Node 20 and on Cloudflare Workers).
 */
export const layer: Layer.Layer<IdGenerator> = Layer.sync(IdGenerator, () => fromRandom(pooledRandom()))

/**
 * A deterministic generator for tests: randomness from a seed, time from `Clock`
 * (under `it.effect` that is the `TestClock`, which stands still until adjusted), so
 * the same test makes the same ids on every run.
 */
export const layerTest = (seed = 0): Layer.Layer<IdGenerator> =>
  Layer.sync(IdGenerator, () => fromRandom(internal.seededBytes(seed)))

/**
 * A new id, unbranded. Prefer an entity's own `generate`.
 */
export const next: Effect.Effect<string, never, IdGenerator> = Effect.flatMap(
  IdGenerator,
  (generator) => generator.next,
)

/**
 * `count` new ids, unbranded, in increasing order (see `IdGenerator.nextMany`).
 */
export const nextMany = (count: number): Effect.Effect<ReadonlyArray<string>, never, IdGenerator> =>
  Effect.flatMap(IdGenerator, (generator) => generator.nextMany(count))

/**
 * The schema of one entity's ids, with a `generate` effect for new ones.
 */
export interface IdSchema<B extends string> extends Schema.brand<typeof Ulid, B> {
  /** The brand, also the schema's identifier in JSON Schema and OpenAPI. */
  readonly brandName: B
  /** A new id of this entity. */
  readonly generate: Effect.Effect<string & Brand.Brand<B>, never, IdGenerator>
}

/**
 * Declares an entity's id: a ULID string branded `B`.
 *
 * @example
 * ```ts
 * import { Id } from "@bashke/kernel"
 *
 * export const NoteId = Id.make("NoteId")
 * export type NoteId = typeof NoteId.Type
 * ```
 */
export const make = <const B extends string>(brandName: B): IdSchema<B> => {
  const schema = Ulid.pipe(Schema.brand(brandName, { identifier: brandName }))
  const generate = Effect.map(next, (id) => id as string & Brand.Brand<B>)
  return Object.assign(schema, { brandName, generate })
}

/**
 * A local coordination mechanism.
 */
export const MechanismId = make("MechanismId")
export type MechanismId = typeof MechanismId.Type

/**
 * An institution's membership of a mechanism.
 */
export const MembershipId = make("MembershipId")
export type MembershipId = typeof MembershipId.Type

/**
 * A memorandum of agreement (all its versions share the id).
 */
export const MemorandumId = make("MemorandumId")
export type MemorandumId = typeof MemorandumId.Type

/**
 * An institution (police station, centre for social work, court, NGO, …).
 */
export const InstitutionId = make("InstitutionId")
export type InstitutionId = typeof InstitutionId.Type

/**
 * A case shared by a case team.
 */
export const CaseId = make("CaseId")
export type CaseId = typeof CaseId.Type

/**
 * A person in a case (victim, child, alleged perpetrator).
 */
export const PersonId = make("PersonId")
export type PersonId = typeof PersonId.Type

/**
 * An incident recorded in a case.
 */
export const IncidentId = make("IncidentId")
export type IncidentId = typeof IncidentId.Type

/**
 * A protection order of any kind.
 */
export const ProtectionOrderId = make("ProtectionOrderId")
export type ProtectionOrderId = typeof ProtectionOrderId.Type

/**
 * A consent given (or withdrawn) by a person.
 */
export const ConsentId = make("ConsentId")
export type ConsentId = typeof ConsentId.Type

/**
 * A closed-loop referral.
 */
export const ReferralId = make("ReferralId")
export type ReferralId = typeof ReferralId.Type

/**
 * A service in the service directory.
 */
export const ServiceId = make("ServiceId")
export type ServiceId = typeof ServiceId.Type

/**
 * A mechanism meeting, regular or ad hoc.
 */
export const MeetingId = make("MeetingId")
export type MeetingId = typeof MeetingId.Type

/**
 * An action item decided in a meeting.
 */
export const ActionItemId = make("ActionItemId")
export type ActionItemId = typeof ActionItemId.Type

/**
 * A local action plan.
 */
export const ActionPlanId = make("ActionPlanId")
export type ActionPlanId = typeof ActionPlanId.Type

/**
 * An activity of an action plan.
 */
export const ActivityId = make("ActivityId")
export type ActivityId = typeof ActivityId.Type

/**
 * An indicator of an action plan.
 */
export const IndicatorId = make("IndicatorId")
export type IndicatorId = typeof IndicatorId.Type

/**
 * A principal: a user, an API token or a plugin.
 */
export const PrincipalId = make("PrincipalId")
export type PrincipalId = typeof PrincipalId.Type

/**
 * A domain event (outbox row, audit entry).
 */
export const EventId = make("EventId")
export type EventId = typeof EventId.Type
