/**
 * The port through which the meeting package asks the case package whether
 * the current principal may read a case's record whole — the case's own rule
 * (its full-access team; deny by default, and to a caller outside the case's
 * mechanism the case does not exist) — and learns the case's mechanism. The
 * application wires it to `@bashke/case`; tests use {@link layerTest}.
 */
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Context, Effect, Layer } from "effect"

export interface Service {
  /**
   * The mechanism of `caseId` when the current principal may read the case
   * whole; `NotFound`, `Forbidden` or `InvalidInput` (an erased case) as the
   * case package decides otherwise.
   */
  readonly readable: (
    caseId: Id.CaseId,
  ) => Effect.Effect<
    Id.MechanismId,
    Errors.NotFound | Errors.Forbidden | Errors.InvalidInput,
    Principal.CurrentPrincipal
  >
}

export class CaseAccess extends Context.Tag("@bashke/meeting/CaseAccess")<CaseAccess, Service>() {}

/**
 * The port wired to a function, e.g. the case package's read of a case.
 */
export const layer = (readable: Service["readable"]): Layer.Layer<CaseAccess> => Layer.succeed(CaseAccess, { readable })

/**
 * Fixed cases by id, each with its mechanism and the institutions that read
 * it whole, for tests and examples: another institution is refused, an
 * unknown case is not found.
 */
export const layerTest = (
  cases: ReadonlyMap<
    Id.CaseId,
    { readonly mechanismId: Id.MechanismId; readonly readers: ReadonlyArray<Id.InstitutionId> }
  >,
): Layer.Layer<CaseAccess> =>
  layer((caseId) =>
    Effect.gen(function* () {
      const principal = yield* Principal.CurrentPrincipal
      const found = cases.get(caseId)
      if (found === undefined) return yield* new Errors.NotFound({ entity: "Case", id: caseId })
      if (principal.institution === undefined || !found.readers.includes(principal.institution))
        return yield* new Errors.Forbidden({ action: "case.read", rule: "policy.case-team.not-member" })
      return found.mechanismId
    }),
  )
