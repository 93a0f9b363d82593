/**
 * A person joins the case (`case.write`; writing identifying details also
 * needs `case.personal.write` for the purpose the person's side is written
 * for). A case has one victim; a child on the case needs the team the profile
 * asks for. The case's new version, the person, the sealed details (audited)
 * and the outbox event are written in one transaction.
 *
 * Fails with `InvalidInput` naming the field (`case.person.one-victim`, the
 * model's rules, `case.closed.read-only`), `Forbidden`, `NotFound` or
 * `Conflict` (`version.stale`).
 */
import { CivilDate, Errors, Id } from "@bashke/kernel"
import { Effect } from "effect"
import * as Case from "../Case"
import { AddPerson } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import * as CaseTeam from "../CaseTeam"
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import { subjectOfRole } from "../internal/PersonalPurpose"
import { toPerson, writeAccess } from "../internal/Persons"
import type { Changing } from "../internal/Steps"
import * as Person from "../Person"
import * as PersonalData from "../PersonalData"

/** Adds the person and answers it. */
export const addPerson: CaseUseCase.Of<typeof AddPerson, Person.Person, Changing> = CaseChange.make({
  span: "CaseService.addPerson",
  command: AddPerson,
  admit: (input) => ({ personal: input.person.details === undefined ? undefined : subjectOfRole(input.person.role) }),
  decide: ({ aCase, s }, input) =>
    Effect.gen(function* () {
      const person = toPerson(yield* Id.PersonId.generate, input.person)
      const year = CivilDate.year(s.today)
      yield* Person.validate(person, aCase.persons.length, year, s.profile)
      if (person.role === "victim" && aCase.persons.some((p) => p.role === "victim"))
        return yield* Effect.fail(new Errors.InvalidInput({ field: "person.role", rule: "case.person.one-victim" }))
      const updated: Case.Case = { ...aCase, persons: [...aCase.persons, person] }
      yield* CaseTeam.validate(updated.team, { hasChild: Case.hasChild(updated, year) }, s.profile)
      return { person, updated }
    }),
  write: ({ person }, { aCase, s }, input) =>
    Effect.gen(function* () {
      const details = input.person.details
      const sealed =
        details === undefined
          ? { fields: {} }
          : yield* (yield* PersonalData.PersonalData).write(writeAccess(s, aCase, person.id, person.role), details)
      yield* (yield* CaseRepository).insertPerson(aCase.id, person, sealed, s.at)
      return person
    }),
  events: ({ person }) => [{ topic: "case.person.added", payload: { personId: person.id, role: person.role } }],
})
