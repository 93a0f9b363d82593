/**
 * `findPersons` for several personal numbers at once (a bulk import's page):
 * each number's answer is exactly what `findPersons` answers for it — the
 * persons in cases of the principal's mechanisms whose summary it may read,
 * ids and the role only — and each person found is audited under the stated
 * purpose, once per number that found it, as `findPersons` audits each call.
 * Set-based: every number's blind index computed at once and looked up in
 * one read, each case read once (only what the decision needs: its team,
 * consents and persons) and decided once, the audit entries linked in one
 * append.
 *
 * Fails with `InvalidInput` (`audit.purpose.required`, a personal number
 * that is not one: `personalNumbers.<i>` names it).
 */
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import { Effect, Either } from "effect"
import { FindManyPersons, type PersonFound } from "../CaseCommands"
import { type CaseAccess, CaseRepository } from "../CaseRepository"
import * as CaseUseCase from "../internal/CaseUseCase"
import { allow, type Situation, situation } from "../internal/Steps"
import * as PersonalData from "../PersonalData"

/** The persons found for each number, in the order of the numbers, each audited. */
export const findManyPersons: CaseUseCase.Of<
  typeof FindManyPersons,
  ReadonlyArray<ReadonlyArray<PersonFound>>,
  Errors.InvalidInput
> = CaseUseCase.read({
  span: "CaseService.findManyPersons",
  command: FindManyPersons,
  // No purpose, no look-up: refused before any index is computed.
  load: (input) =>
    Effect.gen(function* () {
      const purpose = input.purpose
      if (purpose === undefined)
        return yield* Effect.fail(new Errors.InvalidInput({ field: "purpose", rule: "audit.purpose.required" }))
      const personalData = yield* PersonalData.PersonalData
      // The error's field is the number's position in the list.
      const indexes = yield* personalData
        .indexesOf(input.personalNumbers)
        .pipe(
          Effect.mapError(
            (error) => new Errors.InvalidInput({ field: `personalNumbers.${error.field}`, rule: error.rule }),
          ),
        )
      return { purpose, principal: yield* Principal.CurrentPrincipal, indexes }
    }),
  decide: ({ indexes, principal }) =>
    Effect.gen(function* () {
      const repository = yield* CaseRepository
      const matches = yield* repository.personsByIndexes(indexes)
      const caseIds = new Set<Id.CaseId>()
      for (const persons of matches.values()) for (const match of persons) caseIds.add(match.caseId)
      // A case of another mechanism is not found for this caller: it is no match (as `loadCase` refuses it).
      // Only what the decision reads of each case (ADR 0040): not its incidents, assessments, orders or plan.
      const cases = new Map<string, CaseAccess>()
      for (const aCase of yield* repository.findManyAccess([...caseIds]))
        if (Principal.belongsTo(principal, aCase.mechanismId)) cases.set(aCase.id, aCase)
      // The decision on each case once, in the situation of its mechanism.
      const situations = new Map<string, Situation>()
      const readable = new Map<string, boolean>()
      for (const aCase of cases.values()) {
        let s = situations.get(aCase.mechanismId)
        if (s === undefined) {
          s = yield* situation(aCase.mechanismId)
          situations.set(aCase.mechanismId, s)
        }
        readable.set(aCase.id, Either.isRight(yield* Effect.either(allow(s, "case.summary.read", aCase))))
      }
      const found = indexes.map((index) => {
        const hits: Array<PersonFound> = []
        for (const match of matches.get(index) ?? []) {
          const aCase = cases.get(match.caseId)
          if (aCase === undefined || readable.get(aCase.id) !== true) continue
          const person = aCase.persons.find((p) => p.id === match.personId)
          if (person !== undefined)
            hits.push({ caseId: aCase.id, reference: aCase.reference, personId: person.id, role: person.role })
        }
        return hits
      })
      return { found, cases }
    }),
  write: ({ found, cases }, { purpose, principal }) =>
    Effect.gen(function* () {
      const audit = yield* AuditLog.AuditLog
      const actor = AuditEntry.actor(principal)
      // Learning that a person is in a case is a read of personal data: audited, each hit of each number.
      const drafts = found.flatMap((hits) =>
        hits.map((hit) => ({
          ...actor,
          mechanismId: (cases.get(hit.caseId) as CaseAccess).mechanismId,
          caseId: hit.caseId,
          personId: hit.personId,
          action: "read" as const,
          purpose,
        })),
      )
      yield* Transaction.run(audit.appendAll(drafts).pipe(Effect.orDie))
      return found
    }),
})
