/**
 * The pipeline's concurrency step: a versioned change names the version it
 * was decided on in `If-Match` (an ETag, `"3"`); without it, or with one that
 * is no version, the change is refused (428) before anything is written. The
 * stale case (412) is the use case's, which compares the version in its
 * transaction.
 */
import { OptimisticConcurrency } from "@bashke/persistence"
import { Either, Option } from "effect"
import { byGateway, type Refused } from "./Refused"

const refused = (rule: "gateway.if-match.required" | "gateway.if-match.malformed"): Refused =>
  byGateway({ type: "precondition-required", status: 428, rule, field: "If-Match", location: "header" })

/** The version a request expects: `undefined` when the route needs none, else the header's, or a refusal. */
export const expectedVersion = (
  required: boolean,
  header: string | undefined,
): Either.Either<number | undefined, Refused> => {
  if (!required) return Either.right(undefined)
  if (header === undefined) return Either.left(refused("gateway.if-match.required"))
  return Option.match(OptimisticConcurrency.versionFromEtag(header), {
    onNone: () => Either.left(refused("gateway.if-match.malformed")),
    onSome: Either.right,
  })
}
