/**
 * Why a request stops before its answer: a problem the gateway decides (a
 * missing `If-Match`, a rate limit) or a domain error (a decode failure, a
 * refusal of the use case), with the part of the request it is about and any
 * headers the answer needs (`Retry-After`). Every step of the pipeline fails
 * with this one error, so the pipeline is one Effect, run once per request.
 */
import type { Errors } from "@bashke/kernel"
import { Data } from "effect"
import * as Problem from "../Problem"

export class Refused extends Data.TaggedError("Refused")<{
  readonly error: Problem.GatewayProblem | Errors.DomainError
  readonly location?: Problem.FieldLocation
  readonly headers?: Readonly<Record<string, string>>
  /** The request's session no longer holds: the browser forgets its cookie. */
  readonly forgetSession?: true
}> {}

/** A refusal the gateway decides, with the headers its answer needs. */
export const byGateway = (
  problem: ConstructorParameters<typeof Problem.GatewayProblem>[0],
  headers?: Readonly<Record<string, string>>,
): Refused => new Refused({ error: new Problem.GatewayProblem(problem), ...(headers === undefined ? {} : { headers }) })

/** A domain error, about `location` when it names a field of the request. */
export const byDomain = (error: Errors.DomainError, location?: Problem.FieldLocation): Refused =>
  new Refused({ error, ...(location === undefined ? {} : { location }) })
