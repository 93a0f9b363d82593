/**
 * The composition check on a day: the memorandum version in force (none
 * before the first takes effect), the sectors it expects, and those no
 * signatory member covers. A read: nothing is written, nothing audited (no
 * personal data).
 */
import { CivilDate, type Errors, Id, JurisdictionProfile, Sector, Span } from "@bashke/kernel"
import { Effect, Option, Schema } from "effect"
import { decode } from "./internal/Input"
import { findMechanism, type Requirements } from "./internal/Steps"
import { MechanismRepository } from "./MechanismRepository"
import type * as Mechanisms from "./Mechanisms"
import * as Memorandum from "./Memorandum"

/**
 * The composition check on a day: the memorandum version in force (absent
 * before the first takes effect), the sectors it expects, and those no
 * signatory member covers.
 */
export const Composition = Schema.Struct({
  day: CivilDate.CivilDate,
  memorandumId: Schema.optional(Id.MemorandumId),
  version: Schema.optional(Schema.Int),
  expectedSectors: Schema.Array(Sector.Sector),
  gaps: Schema.Array(Sector.Sector),
}).annotations({ identifier: "MechanismComposition" })

export type Composition = typeof Composition.Type

const MechanismIdInput = Schema.Struct({ mechanismId: Id.MechanismId })

/**
 * The mechanism's composition on the day of `at`.
 */
export const compositionGaps = (
  mechanismId: string,
  at: Mechanisms.Day,
): Effect.Effect<Composition, Errors.InvalidInput | Errors.NotFound, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(MechanismIdInput)({ mechanismId })
    const day = yield* JurisdictionProfile.dayOf(at)
    const repository = yield* MechanismRepository
    const mechanism = yield* findMechanism(input.mechanismId)
    const memoranda = yield* repository.memoranda(mechanism.id)
    const memberships = yield* repository.memberships(mechanism.id)
    return Option.match(Memorandum.inForce(memoranda, day), {
      onNone: (): Composition => ({ day, expectedSectors: [], gaps: [] }),
      onSome: (version): Composition => ({
        day,
        memorandumId: version.memorandumId,
        version: version.version,
        expectedSectors: version.expectedSectors,
        gaps: Memorandum.compositionGaps(version, memberships, day),
      }),
    })
  }).pipe(Span.untraced("MechanismService.compositionGaps"))
