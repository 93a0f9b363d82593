/**
 * What the open cases of a mechanism make due: `CaseDue`'s rules over what
 * the `OpenCases` port reads, with the jurisdiction profile in effect.
 */
import { type Due, type Id, JurisdictionProfile } from "@bashke/kernel"
import { Effect } from "effect"
import * as CaseDue from "./CaseDue"
import { OpenCases } from "./OpenCases"

/**
 * What the open cases of a mechanism make due, with the profile in effect.
 */
export const forMechanism = (mechanism: Id.MechanismId): Effect.Effect<ReadonlyArray<Due.Item>, never, OpenCases> =>
  Effect.gen(function* () {
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const cases = yield* (yield* OpenCases).forMechanism(mechanism)
    return cases.flatMap((aCase) => CaseDue.items(aCase, profile))
  })
