// A person added to a case, at its opening or later: the record kept in the
// clear from the command's `NewPerson`, and the access its identifying details
// are sealed under (the purpose its side is written for).
import type { Id } from "@bashke/kernel"
import type * as Case from "../Case"
import type { NewPerson } from "../CaseCommands"
import type * as Person from "../Person"
import type * as PersonalData from "../PersonalData"
import { subjectOfRole, writtenFor } from "./PersonalPurpose"
import type { Situation } from "./Steps"

/** @internal The person's record, without its identifying details. */
export const toPerson = (id: Id.PersonId, input: typeof NewPerson.Type): Person.Person => ({
  id,
  role: input.role,
  sex: input.sex,
  ...(input.birthYear === undefined ? {} : { birthYear: input.birthYear }),
  ...(input.ageBand === undefined ? {} : { ageBand: input.ageBand }),
  ...(input.community === undefined ? {} : { community: input.community }),
  disabilities: input.disabilities,
  ...(input.relationship === undefined ? {} : { relationship: input.relationship }),
})

/** @internal The access the person's details are written under, audited. */
export const writeAccess = (
  s: Situation,
  aCase: Case.Case,
  personId: Id.PersonId,
  role: Person.PersonRole,
): PersonalData.Access => ({
  principal: s.principal,
  mechanismId: aCase.mechanismId,
  caseId: aCase.id,
  personId,
  purpose: writtenFor(subjectOfRole(role)),
})
