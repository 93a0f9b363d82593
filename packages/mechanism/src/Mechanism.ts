/**
 * A local coordination mechanism: the municipality it serves, its name in the
 * four interface languages, its coordinator (a membership, normally the
 * municipal Gender Equality Officer's), its status, how often it must meet and
 * when a meeting has a quorum.
 *
 * The cadence and the quorum rule default to the jurisdiction profile's
 * (`meetings.minimumPerYear`, `meetings.quorum`); a mechanism may meet more
 * often (bi-monthly: 6) but never less than the profile's minimum.
 */
import { Id, JurisdictionProfile, type Locale, LocalizedText, Municipality } from "@bashke/kernel"
import { Schema } from "effect"
import { Status } from "./MechanismLifecycle"

const Text = Schema.String.pipe(
  Schema.filter((s) => s.trim().length > 0 && s.length <= 300, { message: () => "mechanism.name.invalid" }),
)

/**
 * A mechanism's name: Albanian, Serbian (Latin) and English are required;
 * Serbian Cyrillic is derived from the Latin text unless given (give it where
 * transliteration would mangle a name).
 */
export const Name = Schema.Struct({
  sq: Text,
  "sr-Latn": Text,
  "sr-Cyrl": Schema.optional(Text),
  en: Text,
}).annotations({ identifier: "MechanismName" })

export type Name = typeof Name.Type

/**
 * The most meetings a year a cadence may ask for (weekly): a sanity bound on
 * input, not a legal number.
 */
export const maxMeetingsPerYear = 52

/**
 * The minimum number of regular meetings a year: a whole number from 1 to
 * {@link maxMeetingsPerYear} (`mechanism.cadence.out-of-range`). The service
 * also refuses a number below the jurisdiction's minimum
 * (`mechanism.cadence.below-minimum`).
 */
export const MeetingsPerYear = Schema.Number.pipe(
  Schema.filter((n) => Number.isInteger(n) && n >= 1 && n <= maxMeetingsPerYear, {
    identifier: "MeetingsPerYear",
    message: () => "mechanism.cadence.out-of-range",
    // Generated directly: filtering arbitrary numbers down to 1–52 would almost never finish.
    arbitrary: () => (fc) => fc.integer({ min: 1, max: maxMeetingsPerYear }),
  }),
)

/**
 * A mechanism.
 */
export const Mechanism = Schema.Struct({
  id: Id.MechanismId,
  municipality: Municipality.MunicipalityCode,
  name: Name,
  status: Status,
  /** The coordinator's membership; absent until one is appointed. */
  coordinator: Schema.optional(Id.MembershipId),
  /** The minimum number of regular meetings a year (ad hoc meetings come on top). */
  minimumMeetingsPerYear: MeetingsPerYear,
  /** When a meeting has a quorum, counted over member institutions. */
  quorum: JurisdictionProfile.Quorum,
  /** Optimistic concurrency: increases with every change to the mechanism or its members and memoranda. */
  version: Schema.Int.pipe(Schema.positive()),
  createdAt: Schema.Date,
}).annotations({ identifier: "Mechanism" })

export type Mechanism = typeof Mechanism.Type

/**
 * The mechanism's name in `locale`, with the kernel's fallback order.
 */
export const name = (mechanism: Mechanism, locale: Locale.Locale): string =>
  LocalizedText.localize(mechanism.name, locale)

/**
 * Whether `membershipId` is the mechanism's coordinator.
 */
export const isCoordinator = (mechanism: Pick<Mechanism, "coordinator">, membershipId: Id.MembershipId): boolean =>
  mechanism.coordinator === membershipId

/**
 * Whether `present` of `members` member institutions make a quorum under the
 * mechanism's rule (no quorum without members).
 */
export const quorumMet = (mechanism: Pick<Mechanism, "quorum">, present: number, members: number): boolean =>
  JurisdictionProfile.quorumMet(mechanism.quorum, present, members)

/**
 * The fewest present member institutions that make a quorum out of `members`
 * (`members + 1` when none can, i.e. with no members).
 */
export const quorumSize = (mechanism: Pick<Mechanism, "quorum">, members: number): number => {
  for (let present = 0; present <= members; present++) if (quorumMet(mechanism, present, members)) return present
  return members + 1
}
