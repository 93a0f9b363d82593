// A command on one case, the shape most of the case's use cases share: load
// the case and the situation, admit the change (`case.write`, personal
// writes, erasure, a closed case), apply the use case's rules, then write the
// case's new version (the version claim), the use case's rows and its outbox
// events, in one transaction (`CaseUseCase.change`). A use case names only
// what is its own: its rules, its rows and its events.
import type { Errors, Id, Principal } from "@bashke/kernel"
import type { SqlClient, SqlError } from "@effect/sql"
import { Effect, Schema } from "effect"
import type * as Case from "../Case"
import { ExpectedVersion } from "../CaseCommands"
import type { Topic } from "../CaseEvents"
import type { CaseRepository } from "../CaseRepository"
import type { Signatories } from "../Signatories"
import * as CaseUseCase from "./CaseUseCase"
import { decode } from "./Input"
import { type Admission, admit, claim, emit, type Loaded, loadCase } from "./Steps"

/** @internal What a command on a case carries besides its own fields. */
export interface OnCase {
  readonly caseId: Id.CaseId
  readonly expectedVersion?: number | undefined
}

/** @internal An outbox event of the case: its topic and its payload (ids and codes only). */
export interface Event {
  readonly topic: Topic
  readonly payload: Readonly<Record<string, unknown>>
}

/** @internal What the rules decided: the case as it will be, and what the use case writes and answers with it. */
export interface Plan {
  readonly updated: Case.Case
}

/** @internal The steps a use case on one case names. */
export interface Steps<I, C extends OnCase, P extends Plan, A, E2, E3, R2, R3> {
  /** The span (`CaseService.<useCase>`). */
  readonly span: string
  readonly command: Schema.Schema<C, I>
  /**
   * What the admission checks besides `case.write` (default: nothing more,
   * an open case); `false` when the use case decides itself who may act and
   * on which status (confirming a consent: the coordinator, off the team).
   */
  readonly admit?: false | ((command: C) => Admission)
  /** The use case's rules, after the admission: the plan, or a refusal. */
  readonly decide: (loaded: Loaded, command: C) => Effect.Effect<P, E2, R2>
  /** The use case's rows, after the version claim (`saved`: the case with its new version); answers the result. */
  readonly write: (plan: P, loaded: Loaded, command: C, saved: Case.Case) => Effect.Effect<A, E3, R3>
  /** The outbox events of the change, in order, after the rows. */
  readonly events: (plan: P, loaded: Loaded, command: C, saved: Case.Case) => ReadonlyArray<Event>
}

// The one part of a decoded command its schema did not decode: the gateway
// reads the version from `If-Match` (any whole number) beside the decoded
// body, so the decoded entry checks it as the schema does, with the same
// refusal (`expectedVersion`, a positive integer).
const Version = Schema.Struct({ expectedVersion: ExpectedVersion })
const checkVersion = <C extends OnCase>(command: C): Effect.Effect<C, Errors.InvalidInput> =>
  command.expectedVersion === undefined
    ? Effect.succeed(command)
    : Effect.as(decode(Version)({ expectedVersion: command.expectedVersion }), command)

/** @internal The use case: `CaseUseCase.change` over these steps. */
export const make = <I, C extends OnCase, P extends Plan, A, E2, E3, R2, R3>(
  steps: Steps<I, C, P, A, E2, E3, R2, R3>,
): CaseUseCase.Entries<
  I,
  C,
  A,
  Exclude<Errors.NotFound | Errors.Forbidden | Errors.InvalidInput | Errors.Conflict | E2 | E3, SqlError.SqlError>,
  CaseRepository | Signatories | Principal.CurrentPrincipal | SqlClient.SqlClient | Id.IdGenerator | R2 | R3
> =>
  CaseUseCase.change(
    {
      span: steps.span,
      command: steps.command,
      load: (command: C) => loadCase(command.caseId),
      decide: (loaded: Loaded, command: C) =>
        steps.admit === false
          ? steps.decide(loaded, command)
          : Effect.zipRight(admit(loaded, steps.admit?.(command)), steps.decide(loaded, command)),
      write: (plan: P, loaded: Loaded, command: C) =>
        Effect.gen(function* () {
          const saved = yield* claim(plan.updated, command.expectedVersion, loaded.aCase)
          const answer = yield* steps.write(plan, loaded, command, saved)
          for (const event of steps.events(plan, loaded, command, saved))
            yield* emit(event.topic, loaded.aCase.id, event.payload)
          return answer
        }),
    },
    checkVersion,
  )
