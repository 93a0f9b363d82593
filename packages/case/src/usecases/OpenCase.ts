/**
 * A case opens on a mechanism (`case.create`): the opening institution and the
 * lead (by default the signatory of the profile's lead sector, else the
 * opener) join the team with full access, every other member must be a
 * signatory, and the municipality is the mechanism's. The persons' details
 * given at opening are written without a consent check (recording what the
 * opening institution already holds is the act of opening), but audited. The
 * case with its reference from the mechanism's yearly sequence, its persons,
 * their sealed details and the outbox events are written in one transaction.
 *
 * Fails with `InvalidInput` naming the field (`case.mechanism.municipality-mismatch`,
 * `case.team.member-not-signatory`, the model's rules), `Forbidden` or `Conflict`.
 */
import { CivilDate, Errors, Id } from "@bashke/kernel"
import { OptimisticConcurrency } from "@bashke/persistence"
import { AccessPolicy } from "@bashke/security"
import { Effect, Option } from "effect"
import * as Case from "../Case"
import { OpenCase } from "../CaseCommands"
import * as CaseReference from "../CaseReference"
import { CaseRepository } from "../CaseRepository"
import * as CaseTeam from "../CaseTeam"
import * as CaseUseCase from "../internal/CaseUseCase"
import { toPerson, writeAccess } from "../internal/Persons"
import { emit, institutionIds, type Refusal, situation } from "../internal/Steps"
import type * as Person from "../Person"
import * as PersonalData from "../PersonalData"
import * as ReferenceSequence from "../ReferenceSequence"
import * as SafetyPlan from "../SafetyPlan"

/** Opens the case and answers it (status `open`, version 1). */
export const openCase: CaseUseCase.Of<typeof OpenCase, Case.Case, Refusal> = CaseUseCase.change({
  span: "CaseService.openCase",
  command: OpenCase,
  load: (input) => situation(input.mechanismId),
  decide: (s, input) =>
    Effect.gen(function* () {
      const signatoryIds = institutionIds(s.signatories)
      yield* AccessPolicy.enforce(
        s.principal,
        "case.create",
        { _tag: "Mechanism", mechanismId: input.mechanismId, signatories: signatoryIds },
        s.at,
      )
      const opener = s.principal.institution
      // `case.create` needs an institution; the policy has checked it.
      if (opener === undefined) return yield* Effect.dieMessage("case.create allowed without an institution")

      const earlier = yield* (yield* CaseRepository).municipalityOf(input.mechanismId)
      if (Option.isSome(earlier) && earlier.value !== input.municipality)
        return yield* Effect.fail(
          new Errors.InvalidInput({ field: "municipality", rule: "case.mechanism.municipality-mismatch" }),
        )

      const sectorOf = new Map(s.signatories.map((signatory) => [signatory.institution as string, signatory.sector]))
      const members: Array<CaseTeam.TeamMember> = []
      for (const [index, member] of input.team.entries()) {
        const sector = sectorOf.get(member.institution)
        if (sector === undefined)
          return yield* Effect.fail(
            new Errors.InvalidInput({ field: `team.${index}.institution`, rule: "case.team.member-not-signatory" }),
          )
        members.push({ institution: member.institution, sector, access: member.access })
      }
      const lead = input.lead ?? CaseTeam.defaultLead(s.signatories, s.profile) ?? opener
      for (const institution of [opener, lead]) {
        const sector = sectorOf.get(institution)
        if (sector === undefined)
          return yield* Effect.fail(new Errors.InvalidInput({ field: "lead", rule: "case.team.member-not-signatory" }))
        if (!members.some((member) => member.institution === institution))
          members.push({ institution, sector, access: "full" })
      }

      const caseId = yield* Id.CaseId.generate
      const persons: Array<{ readonly person: Person.Person; readonly details?: Person.PersonalDetails }> = []
      for (const entry of input.persons) {
        const person = toPerson(yield* Id.PersonId.generate, entry)
        persons.push(entry.details === undefined ? { person } : { person, details: entry.details })
      }
      const year = CivilDate.year(s.today)
      const draft = (reference: CaseReference.CaseReference, version: number): Case.Case => ({
        id: caseId,
        mechanismId: input.mechanismId,
        reference,
        status: "open",
        team: { lead, members },
        persons: persons.map((entry) => entry.person),
        incidents: [],
        assessments: [],
        orders: [],
        safetyPlan: SafetyPlan.empty,
        consents: [],
        openedAt: s.at,
        version,
      })
      // Every rule before the write: the reference is not known yet, so a
      // stand-in of the same form is checked.
      const standIn = yield* CaseReference.format({ municipality: input.municipality, year, sequence: 1 })
      yield* Case.validate(draft(standIn, OptimisticConcurrency.initialVersion), {
        mechanismMembers: new Set(signatoryIds),
        today: s.today,
        profile: s.profile,
      })
      return { caseId, lead, persons, year, draft }
    }),
  write: ({ caseId, lead, persons, year, draft }, s, input) =>
    Effect.gen(function* () {
      const repository = yield* CaseRepository
      const personal = yield* PersonalData.PersonalData
      const sequence = yield* ReferenceSequence.next(input.mechanismId, year)
      const reference = yield* CaseReference.format({ municipality: input.municipality, year, sequence })
      const aCase = draft(reference, OptimisticConcurrency.initialVersion)
      yield* repository.insert(aCase, { municipality: input.municipality, year, sequence })
      yield* emit("case.case.opened", caseId, {
        mechanismId: aCase.mechanismId,
        reference,
        lead,
        sectors: CaseTeam.sectors(aCase.team),
      })
      for (const { person, details } of persons) {
        const sealed =
          details === undefined
            ? { fields: {} }
            : yield* personal.write(writeAccess(s, aCase, person.id, person.role), details)
        yield* repository.insertPerson(caseId, person, sealed, s.at)
        yield* emit("case.person.added", caseId, { personId: person.id, role: person.role })
      }
      return aCase
    }),
})
