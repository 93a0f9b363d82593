/**
 * The summaries of a mechanism's open cases at an instant, for the meeting
 * package's `CaseSummaries` port and the case list: pseudonymised, so no
 * principal is asked (who may list is the caller's decision). Reads only.
 */
import { type Id, JurisdictionProfile, Span } from "@bashke/kernel"
import { Effect } from "effect"
import type * as Case from "../Case"
import { CaseRepository, type OpenPage } from "../CaseRepository"
import * as CaseSummary from "../CaseSummary"

const summarized = (at: Date) => (cases: ReadonlyArray<Case.Case>) =>
  Effect.map(JurisdictionProfile.CurrentJurisdiction, (profile) =>
    cases.map((aCase) => CaseSummary.summarize(aCase, at, profile)),
  )

/** Every open case of the mechanism, summarised. */
export const summaries = (
  mechanismId: Id.MechanismId,
  at: Date,
): Effect.Effect<ReadonlyArray<CaseSummary.CaseSummary>, never, CaseRepository> =>
  Effect.flatMap(CaseRepository, (repository) => repository.list(mechanismId)).pipe(
    Effect.flatMap(summarized(at)),
    Span.untraced("CaseService.summaries"),
  )

/** One page of them, paged in SQL (`CaseRepository.openPage`). */
export const summaryPage = (
  mechanismId: Id.MechanismId,
  page: OpenPage,
  at: Date,
): Effect.Effect<ReadonlyArray<CaseSummary.CaseSummary>, never, CaseRepository> =>
  Effect.flatMap(CaseRepository, (repository) => repository.openPage(mechanismId, page)).pipe(
    Effect.flatMap(summarized(at)),
    Span.untraced("CaseService.summaryPage"),
  )
