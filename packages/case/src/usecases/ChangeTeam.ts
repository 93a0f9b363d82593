/**
 * The case team changes: members join, change their access or leave, and the
 * lead may change (`case.write`, by the lead institution or the mechanism's
 * coordinator: `case.team.lead-only`). Every member is a signatory, a child on
 * the case needs the team the profile asks for, and open safety measures stay
 * owned by a member. The case's new version, the team and the outbox event
 * are written in one transaction.
 *
 * Fails with `InvalidInput` naming the field (`case.team.member-not-signatory`,
 * `case.safety.owner-not-in-team`, the model's rules), `Forbidden`, `NotFound`
 * or `Conflict` (`version.stale`).
 */
import { CivilDate, Errors, Principal } from "@bashke/kernel"
import { Effect } from "effect"
import * as Case from "../Case"
import { ChangeTeam } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import * as CaseTeam from "../CaseTeam"
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import type { Changing } from "../internal/Steps"

/** Changes the team and answers it. */
export const changeTeam: CaseUseCase.Of<typeof ChangeTeam, CaseTeam.CaseTeam, Changing> = CaseChange.make({
  span: "CaseService.changeTeam",
  command: ChangeTeam,
  decide: ({ aCase, s }, input) =>
    Effect.gen(function* () {
      const coordinator =
        Principal.hasRole(s.principal, "coordinator") && Principal.belongsTo(s.principal, aCase.mechanismId)
      if (s.principal.institution !== aCase.team.lead && !coordinator)
        return yield* Effect.fail(new Errors.Forbidden({ action: "case.team.change", rule: "case.team.lead-only" }))
      const sectorOf = new Map(s.signatories.map((signatory) => [signatory.institution as string, signatory.sector]))
      let members = aCase.team.members.filter((member) => !input.remove.includes(member.institution))
      for (const [index, change] of input.set.entries()) {
        const sector = sectorOf.get(change.institution)
        if (sector === undefined)
          return yield* Effect.fail(
            new Errors.InvalidInput({ field: `set.${index}.institution`, rule: "case.team.member-not-signatory" }),
          )
        members = members.some((member) => member.institution === change.institution)
          ? members.map((member) =>
              member.institution === change.institution ? { ...member, access: change.access } : member,
            )
          : [...members, { institution: change.institution, sector, access: change.access }]
      }
      const team: CaseTeam.CaseTeam = { lead: input.lead ?? aCase.team.lead, members }
      const year = CivilDate.year(s.today)
      yield* CaseTeam.validate(team, { hasChild: Case.hasChild(aCase, year) }, s.profile)
      // Open safety measures stay owned by a member of the team.
      const stranded = aCase.safetyPlan.measures.findIndex(
        (measure) => measure.status === "open" && !CaseTeam.isMember(team, measure.owner),
      )
      if (stranded >= 0)
        return yield* Effect.fail(
          new Errors.InvalidInput({
            field: `safetyPlan.measures.${stranded}.owner`,
            rule: "case.safety.owner-not-in-team",
          }),
        )
      return { team, updated: { ...aCase, team } }
    }),
  write: ({ team }, { aCase, s }) =>
    Effect.as(
      Effect.flatMap(CaseRepository, (cases) => cases.saveTeam(aCase.id, team, s.at)),
      team,
    ),
  events: ({ team }) => [
    {
      topic: "case.team.changed",
      payload: {
        lead: team.lead,
        members: team.members.map((member) => ({ institution: member.institution, access: member.access })),
        sectors: CaseTeam.sectors(team),
      },
    },
  ],
})
