/**
 * `persons:match` over the case package's blind index: `findPersons` by the
 * personal number, as the plugin's principal (only cases its institution is
 * on the team of; each hit audited by the case package).
 *
 * One hit is `Matched`; several (the same number in several cases, or
 * several persons) are `Uncertain`, for a person to decide; none is
 * `NoMatch`. `matchMany` answers a page of queries the same way with one
 * look-up (`findManyPersons`). A query without a personal number is `NoMatch`: names and birth
 * dates are not indexed, and a guess from them must never merge records — a
 * plugin that needs a decision sends the record to the review queue.
 */
import { CaseService } from "@bashke/case"
import { Principal } from "@bashke/kernel"
import { PersonMatch } from "@bashke/plugin-sdk"
import { Effect, Layer } from "effect"
import { actingAs, PluginPrincipals } from "./PluginConfig"

/** What the hits of a personal-number search mean. */
export const outcomeOf = (
  hits: ReadonlyArray<{
    readonly caseId: PersonMatch.Candidate["caseId"]
    readonly personId: PersonMatch.Candidate["personId"]
  }>,
): PersonMatch.MatchResult => {
  const [first, ...rest] = hits
  if (first === undefined) return { _tag: "NoMatch" }
  if (rest.length === 0) return { _tag: "Matched", caseId: first.caseId, personId: first.personId }
  const candidate = (hit: (typeof hits)[number]): PersonMatch.Candidate => ({
    caseId: hit.caseId,
    personId: hit.personId,
    score: 1,
    matched: ["personalNumber"],
  })
  return { _tag: "Uncertain", candidates: [candidate(first), ...rest.map(candidate)] }
}

export const layer: Layer.Layer<PersonMatch.PersonMatch, never, CaseService.CaseService | PluginPrincipals> =
  Layer.effect(
    PersonMatch.PersonMatch,
    Effect.gen(function* () {
      const cases = yield* CaseService.CaseService
      const principals = yield* PluginPrincipals
      return {
        forPlugin: (plugin) => ({
          match: (query) =>
            Effect.gen(function* () {
              const { principal } = yield* actingAs(principals, plugin.name)
              const number = query.personalNumber?.trim() ?? ""
              if (number.length === 0) return { _tag: "NoMatch" } as const
              const hits = yield* cases
                .findPersons({ personalNumber: number, purpose: "case-management" })
                .pipe(Effect.provideService(Principal.CurrentPrincipal, principal))
              return outcomeOf(hits)
            }),
          // One look-up for the page (`findManyPersons`): each query answered as `match` answers it.
          matchMany: (queries) =>
            Effect.gen(function* () {
              const { principal } = yield* actingAs(principals, plugin.name)
              const numbers = queries.map((query) => query.personalNumber?.trim() ?? "")
              const asked = numbers.filter((number) => number.length > 0)
              const found =
                asked.length === 0
                  ? []
                  : yield* cases
                      .findManyPersons({ personalNumbers: asked, purpose: "case-management" })
                      .pipe(Effect.provideService(Principal.CurrentPrincipal, principal))
              let next = 0
              return numbers.map(
                (number): PersonMatch.MatchResult =>
                  number.length === 0 ? { _tag: "NoMatch" } : outcomeOf(found[next++] ?? []),
              )
            }),
        }),
      }
    }),
  )
