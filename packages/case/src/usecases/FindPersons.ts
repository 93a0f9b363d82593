/**
 * The cases a person is on, found by personal number through its blind index:
 * only cases of the principal's mechanisms whose summary it may read
 * (`case.summary.read`), ids and the role only. Learning that a person is in
 * a case is a read of personal data: each person found is audited under the
 * stated purpose, in one transaction.
 *
 * Fails with `InvalidInput` (`audit.purpose.required`, a personal number
 * that is not one).
 */
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import { Effect, Either, Option } from "effect"
import { FindPersons, type PersonFound } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import * as CaseUseCase from "../internal/CaseUseCase"
import { allow, loadCase } from "../internal/Steps"
import * as PersonalData from "../PersonalData"

/** The persons found, each audited. */
export const findPersons: CaseUseCase.Of<
  typeof FindPersons,
  ReadonlyArray<PersonFound>,
  Errors.InvalidInput
> = CaseUseCase.read({
  span: "CaseService.findPersons",
  command: FindPersons,
  // No purpose, no look-up: refused before the index is computed.
  load: (input) =>
    Effect.gen(function* () {
      const purpose = input.purpose
      if (purpose === undefined)
        return yield* Effect.fail(new Errors.InvalidInput({ field: "purpose", rule: "audit.purpose.required" }))
      const index = yield* (yield* PersonalData.PersonalData).indexOf(input.personalNumber)
      return { purpose, principal: yield* Principal.CurrentPrincipal, index }
    }),
  decide: ({ index }) =>
    Effect.gen(function* () {
      const found: Array<PersonFound> = []
      const mechanismOf = new Map<string, Id.MechanismId>()
      for (const match of yield* (yield* CaseRepository).personsByIndex(index)) {
        // A case of another mechanism is not found for this caller: it is no match.
        const loaded = yield* Effect.option(loadCase(match.caseId))
        if (Option.isNone(loaded)) continue
        const { aCase, s } = loaded.value
        const allowed = yield* Effect.either(allow(s, "case.summary.read", aCase))
        const person = aCase.persons.find((p) => p.id === match.personId)
        if (Either.isRight(allowed) && person !== undefined) {
          found.push({ caseId: aCase.id, reference: aCase.reference, personId: person.id, role: person.role })
          mechanismOf.set(aCase.id, aCase.mechanismId)
        }
      }
      return { found, mechanismOf }
    }),
  write: ({ found, mechanismOf }, { purpose, principal }) =>
    Effect.gen(function* () {
      const audit = yield* AuditLog.AuditLog
      // Learning that a person is in a case is a read of personal data: audited.
      yield* Transaction.run(
        Effect.forEach(
          found,
          (hit) =>
            audit
              .append({
                ...AuditEntry.actor(principal),
                ...(mechanismOf.has(hit.caseId) ? { mechanismId: mechanismOf.get(hit.caseId) } : {}),
                caseId: hit.caseId,
                personId: hit.personId,
                action: "read",
                purpose,
              })
              .pipe(Effect.orDie),
          { discard: true },
        ),
      )
      return found
    }),
})
