/**
 * The use case of the register of closed cases: search a mechanism's closed
 * cases (pseudonymised) by the reference's beginning, the closure reason and
 * the risk level, a page at a time, as its coordinator or a person of a
 * signatory institution (`ClosedCase.maySearch`). Reopening one is the case's
 * lifecycle (`reopen`, with a reason), which takes it off the register.
 */
import { Cursor, type Errors, Id, Instant, Pagination, Principal, Span } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as ClosedCase from "./ClosedCase"
import { ClosedCases } from "./ClosedCases"
import { decode } from "./internal/Input"
import * as PageCursor from "./internal/PageCursor"
import { Signatories } from "./Signatories"

/**
 * Input of {@link search}: the mechanism, the filter and the page.
 */
export const SearchClosedCases = Schema.Struct({
  mechanismId: Id.MechanismId,
  ...ClosedCase.Filter.fields,
  limit: Schema.optionalWith(Pagination.Limit, { default: () => Pagination.defaultLimit }),
  after: Schema.optional(Cursor.Cursor),
})

export type SearchClosedCases = typeof SearchClosedCases.Encoded

/**
 * The mechanism's closed cases matching the filter, by case id. Fails with
 * `Forbidden` (not its coordinator nor a signatory's person) or `InvalidInput`
 * (the field named: `reference`, `reason`, `riskLevel`, `limit`, `cursor`).
 */
export const search = (
  raw: SearchClosedCases,
): Effect.Effect<
  Pagination.Page<ClosedCase.ClosedCase>,
  Errors.Forbidden | Errors.InvalidInput,
  ClosedCases | Signatories | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    const input = yield* decode(SearchClosedCases)(raw)
    const after = yield* PageCursor.afterId(Id.CaseId, input.after)
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const signatories = yield* Effect.flatMap(Signatories, (port) => port.at(input.mechanismId, at))
    yield* ClosedCase.maySearch(
      principal,
      input.mechanismId,
      signatories.map((signatory) => signatory.institution),
    )
    const filter: ClosedCase.Filter = {
      ...(input.reference === undefined ? {} : { reference: input.reference }),
      ...(input.reason === undefined ? {} : { reason: input.reason }),
      ...(input.riskLevel === undefined ? {} : { riskLevel: input.riskLevel }),
    }
    const rows = yield* Effect.flatMap(ClosedCases, (port) =>
      port.search(input.mechanismId, filter, { limit: input.limit + 1, after }),
    )
    return Pagination.paginate(rows, input.limit, (closed) => [closed.id])
  }).pipe(Span.untraced("ClosedCaseSearch.search"))
