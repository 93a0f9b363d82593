/**
 * The port through which meetings learn about their mechanism: who coordinates
 * it, which institutions are members on a date, how many meetings a year it
 * has set itself and its quorum rule. The application wires it to
 * `@bashke/mechanism`; this package never imports that package.
 */
import { Errors, type Id, type JurisdictionProfile } from "@bashke/kernel"
import { Context, Effect, Layer } from "effect"

/**
 * A mechanism as meetings need it, on one date.
 *
 * - `coordinator`: the coordinating institution (the municipality, whose Gender
 *   Equality Officer coordinates);
 * - `members`: the member institutions on that date (a membership covering the
 *   day, in the profile's time zone);
 * - `signatories`: the members that signed the memorandum in force on that
 *   date (countersigned): only they, and the coordinator, see case data in
 *   the agenda, decisions and action items (`MeetingPolicy.seesCaseData`);
 * - `meetingsPerYear`: the mechanism's own cadence, when it set one (six for a
 *   bi-monthly mechanism); the profile's minimum applies when it is lower or absent;
 * - `quorum`: the mechanism's own quorum rule, when its memorandum sets one;
 *   the profile's otherwise.
 */
export interface Roster {
  readonly mechanismId: Id.MechanismId
  /** Absent while the mechanism has no coordinator appointed (or not on that day). */
  readonly coordinator?: Id.InstitutionId | undefined
  readonly members: ReadonlyArray<Id.InstitutionId>
  readonly signatories: ReadonlyArray<Id.InstitutionId>
  readonly meetingsPerYear?: number | undefined
  readonly quorum?: JurisdictionProfile.Quorum | undefined
}

export interface Service {
  /** The mechanism on the day of `at`; `NotFound` (entity `Mechanism`) for an unknown one. */
  readonly rosterAt: (mechanismId: Id.MechanismId, at: Date) => Effect.Effect<Roster, Errors.NotFound>
}

export class MechanismRoster extends Context.Tag("@bashke/meeting/MechanismRoster")<MechanismRoster, Service>() {}

/**
 * The roster wired to a function, e.g. the mechanism package's query:
 * `MechanismRoster.layer((id, at) => mechanisms.rosterAt(id, at))`.
 */
export const layer = (rosterAt: Service["rosterAt"]): Layer.Layer<MechanismRoster> =>
  Layer.succeed(MechanismRoster, { rosterAt })

/**
 * The shape of `@bashke/mechanism`'s read side (`Mechanisms`) that the roster
 * needs, declared here so this package does not import that one: a mechanism
 * with its coordinator's membership, cadence and quorum rule, the memberships
 * on a day, and the signatories on a day (the mechanism package's one rule for
 * who signed, so a cache over it serves meetings too).
 */
export interface MechanismSource {
  readonly get: (id: Id.MechanismId) => Effect.Effect<
    {
      readonly coordinator?: string | undefined
      readonly minimumMeetingsPerYear: number
      readonly quorum: JurisdictionProfile.Quorum
    },
    Errors.NotFound
  >
  readonly members: (
    id: Id.MechanismId,
    at: Date,
  ) => Effect.Effect<ReadonlyArray<{ readonly id: string; readonly institutionId: Id.InstitutionId }>, Errors.NotFound>
  readonly signatories: (id: Id.MechanismId, at: Date) => Effect.Effect<ReadonlyArray<Id.InstitutionId>>
}

/**
 * The roster read from the mechanism package's service: the coordinator is
 * the institution of the coordinator's membership, if it is current on the day.
 */
export const fromMechanisms = (mechanisms: MechanismSource): Service => ({
  rosterAt: (mechanismId, at) =>
    Effect.gen(function* () {
      const mechanism = yield* mechanisms.get(mechanismId)
      const memberships = yield* mechanisms.members(mechanismId, at)
      return {
        mechanismId,
        coordinator: memberships.find((membership) => membership.id === mechanism.coordinator)?.institutionId,
        members: [...new Set(memberships.map((membership) => membership.institutionId))],
        signatories: yield* mechanisms.signatories(mechanismId, at),
        meetingsPerYear: mechanism.minimumMeetingsPerYear,
        quorum: mechanism.quorum,
      }
    }),
})

/**
 * The roster wired to the mechanism package, in one line of the application:
 * `MechanismRoster.layerFrom(Mechanisms.Mechanisms)`.
 */
export const layerFrom = <I, S extends MechanismSource>(
  tag: Context.Tag<I, S>,
): Layer.Layer<MechanismRoster, never, I> =>
  Layer.effect(
    MechanismRoster,
    Effect.map(tag, (mechanisms) => fromMechanisms(mechanisms)),
  )

/**
 * Fixed rosters for tests and examples: the same members and signatories on every date.
 */
export const layerTest = (rosters: ReadonlyArray<Roster>): Layer.Layer<MechanismRoster> =>
  layer((mechanismId) => {
    const found = rosters.find((roster) => roster.mechanismId === mechanismId)
    return found === undefined
      ? Effect.fail(new Errors.NotFound({ entity: "Mechanism", id: mechanismId }))
      : Effect.succeed(found)
  })

/**
 * The mechanism on the day of `at`.
 */
export const rosterAt = (
  mechanismId: Id.MechanismId,
  at: Date,
): Effect.Effect<Roster, Errors.NotFound, MechanismRoster> =>
  Effect.flatMap(MechanismRoster, (roster) => roster.rosterAt(mechanismId, at))

/**
 * The quorum rule in force: the mechanism's own, or the profile's.
 */
export const quorumRule = (
  roster: Roster,
  profile: JurisdictionProfile.JurisdictionProfile,
): JurisdictionProfile.Quorum => roster.quorum ?? profile.meetings.quorum.value

/**
 * The regular meetings required a year: the mechanism's own cadence, never
 * fewer than the profile's minimum.
 */
export const requiredPerYear = (roster: Roster, profile: JurisdictionProfile.JurisdictionProfile): number =>
  Math.max(profile.meetings.minimumPerYear.value, roster.meetingsPerYear ?? 0)
