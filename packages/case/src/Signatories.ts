/**
 * The port through which the case package learns which institutions signed the
 * memorandum in force for a mechanism on a day, and for which sector each one
 * sits in the mechanism. Only signatories may see case data
 * (`AccessPolicy`'s `policy.memorandum.not-signatory`), a consent may name only
 * them (`case.consent.institution.not-signatory`), and the default lead of a new
 * case is the signatory of the profile's lead sector (the centre for social
 * work in Kosovo).
 *
 * The application wires it to `@bashke/mechanism` (`Mechanisms.members` filtered
 * by `Mechanisms.signatories`); tests use {@link layerTest}.
 */
import type { Id, Sector } from "@bashke/kernel"
import { Context, Effect, Layer } from "effect"

/**
 * A signatory institution and the sector it represents in the mechanism.
 */
export interface Signatory {
  readonly institution: Id.InstitutionId
  readonly sector: Sector.Sector
}

export interface Service {
  /**
   * The institutions that are members of `mechanismId` on `at` and signed the
   * memorandum version in force then; empty for an unknown mechanism.
   */
  readonly at: (mechanismId: Id.MechanismId, at: Date) => Effect.Effect<ReadonlyArray<Signatory>>
}

export class Signatories extends Context.Tag("@bashke/case/Signatories")<Signatories, Service>() {}

/**
 * The port wired to a function, e.g. over `@bashke/mechanism`'s `Mechanisms`.
 */
export const layer = (at: Service["at"]): Layer.Layer<Signatories> => Layer.succeed(Signatories, { at })

/**
 * Fixed signatories per mechanism, whatever the day: for tests and examples.
 */
export const layerTest = (
  entries: ReadonlyArray<{ readonly mechanismId: Id.MechanismId; readonly signatories: ReadonlyArray<Signatory> }>,
): Layer.Layer<Signatories> =>
  layer((mechanismId) => Effect.succeed(entries.find((entry) => entry.mechanismId === mechanismId)?.signatories ?? []))

/**
 * The signatories of `mechanismId` on `at`.
 */
export const at = (
  mechanismId: Id.MechanismId,
  date: Date,
): Effect.Effect<ReadonlyArray<Signatory>, never, Signatories> =>
  Effect.flatMap(Signatories, (port) => port.at(mechanismId, date))
