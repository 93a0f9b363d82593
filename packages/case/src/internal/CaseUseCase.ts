// A use case of the case package, run through the one pipeline (`UseCase`),
// with two entries: `input` takes what a caller outside sends (the encoded
// command: a plugin, a test, the CLI) and decodes it once with the package's
// rules; `command` takes the command already decoded (the gateway decodes the
// body with the same `CaseCommands` schema, once) and does not decode it again.
// The steps are the same for both: a refusal has the same type and rule
// whichever entry was taken.
import { type Errors, type Principal, Span } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import type { SqlClient, SqlError } from "@effect/sql"
import { Effect, type Schema } from "effect"
import { decode } from "./Input"
import type { Requirements } from "./Steps"

/** @internal The two entries of one use case (`A` its answer, `E` its refusals, `R` what it needs). */
export interface Entries<I, C, A, E, R> {
  /** Untrusted input: decoded once (`InvalidInput` naming the field), then run. */
  readonly input: (input: I) => Effect.Effect<A, Errors.InvalidInput | E, R>
  /** The command, decoded by the caller with the same schema: run as it is. */
  readonly command: (command: C) => Effect.Effect<A, E, R>
}

/** @internal Steps of a use case (`UseCase.CommandSteps`) whose command is one of `CaseCommands`. */
export type Steps<I, C, S, P, A, E1, E2, E3, R1, R2, R3> = UseCase.CommandSteps<I, C, S, P, A, E1, E2, E3, R1, R2, R3>

const decoded = <C>(command: C): Effect.Effect<C> => Effect.succeed(command)

/**
 * @internal A command on a case: `load`, `decide` and `write` in one
 * transaction (`UseCase.make`), after the decode of the `input` entry, or
 * `recheck` of the `command` entry: what of a decoded command its schema did
 * not decode (nothing, by default).
 */
export const change = <I, C, S, P, A, E1, E2, E3, R1, R2, R3>(
  steps: Steps<I, C, S, P, A, E1, E2, E3, R1, R2, R3>,
  recheck: (command: C) => Effect.Effect<C, Errors.InvalidInput> = decoded,
): Entries<
  I,
  C,
  A,
  Errors.InvalidInput | Exclude<E1 | E2 | E3, SqlError.SqlError>,
  R1 | R2 | R3 | SqlClient.SqlClient
> => ({
  input: UseCase.decodingWith(decode)(steps),
  command: UseCase.make({ ...steps, decode: recheck }),
})

/**
 * @internal A read: the same steps in the same order under the span, in no
 * transaction of the pipeline's. It writes nothing, or only its audit entry
 * (and a break-glass read's review and alert), committed by `write` in a
 * transaction of its own once the fields are open, so that no transaction
 * holds a connection while WebCrypto works.
 */
export const read = <I, C, S, P, A, E1, E2, E3, R1, R2, R3>(
  steps: Steps<I, C, S, P, A, E1, E2, E3, R1, R2, R3>,
): Entries<I, C, A, E1 | E2 | E3, R1 | R2 | R3> => {
  const run = (command: C): Effect.Effect<A, E1 | E2 | E3, R1 | R2 | R3> =>
    Effect.flatMap(steps.load(command), (loaded) =>
      Effect.flatMap(steps.decide(loaded, command), (plan) => steps.write(plan, loaded, command)),
    )
  const decodeCommand: (input: unknown) => Effect.Effect<C, Errors.InvalidInput> = decode(steps.command)
  return {
    input: (input) => Effect.flatMap(decodeCommand(input), run).pipe(Span.untraced(steps.span)),
    command: (command) => run(command).pipe(Span.untraced(steps.span)),
  }
}

/**
 * @internal The entries of the use case of a `CaseCommands` schema `S`,
 * answering `A` or refusing with `E`, over the package's requirements and the
 * caller's principal.
 */
export type Of<S extends Schema.Schema.Any, A, E> = Entries<
  Schema.Schema.Encoded<S>,
  Schema.Schema.Type<S>,
  A,
  E,
  Requirements | Principal.CurrentPrincipal
>
