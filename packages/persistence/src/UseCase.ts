/**
 * One pipeline for every use case of a domain package: decode the command,
 * load what it acts on, decide (policy, closed checks, version, the pure
 * rules), then write the change, its audit entry and its outbox event, all in
 * one transaction and under one span. A use case is a file that names these
 * four steps; the pipeline owns their order, the transaction and the span, so
 * no use case can write before it decides or leave a half-written change.
 *
 * ```ts
 * export const configure = UseCase.make({
 *   span: "MechanismService.configure",
 *   decode: decode(ConfigureMechanism),
 *   load: (command) => Mechanisms.find(command.mechanismId),
 *   decide: (mechanism, command) => MechanismPolicy.requireSteward(…),
 *   write: (_, mechanism, command) => Effect.gen(function* () { … }),
 * })
 * ```
 *
 * `load`, `decide` and `write` run in the transaction: what was read is what
 * the decision was made on (a concurrent change loses on the version column or
 * waits), and a refusal at any step rolls back whatever ran before it. A
 * database failure is a defect (`Transaction.within`); the typed errors of the
 * steps are the use case's.
 */
import { Span } from "@bashke/kernel"
import type { SqlClient, SqlError } from "@effect/sql"
import { Context, Effect, type Schema } from "effect"
import * as Transaction from "./Transaction"

/**
 * The steps of one use case.
 *
 * - `decode`: the raw input into the command (bad input: `InvalidInput` naming
 *   the field); runs before the transaction opens.
 * - `load`: what the command acts on (`NotFound` when it is not there).
 * - `decide`: who may act (the package's policy), whether the entity is still
 *   open, whether the version read is current, and the pure rules; answers the
 *   plan `write` carries out. It reads and refuses; it never writes.
 * - `write`: the change, its audit entry and its outbox event; answers the
 *   use case's result.
 */
export interface Steps<I, C, S, P, A, E0, E1, E2, E3, R1, R2, R3> {
  /** The span the whole use case runs in (`<Service>.<useCase>`). */
  readonly span: string
  readonly decode: (input: I) => Effect.Effect<C, E0>
  readonly load: (command: C) => Effect.Effect<S, E1, R1>
  readonly decide: (loaded: S, command: C) => Effect.Effect<P, E2, R2>
  readonly write: (plan: P, loaded: S, command: C) => Effect.Effect<A, E3, R3>
}

/**
 * The use case the steps make: decode, then load, decide and write in one
 * transaction of the context's `SqlClient`, all under the span.
 */
export const make =
  <I, C, S, P, A, E0, E1, E2, E3, R1, R2, R3>(
    steps: Steps<I, C, S, P, A, E0, E1, E2, E3, R1, R2, R3>,
  ): ((
    input: I,
  ) => Effect.Effect<A, E0 | Exclude<E1 | E2 | E3, SqlError.SqlError>, R1 | R2 | R3 | SqlClient.SqlClient>) =>
  (input) =>
    Effect.flatMap(steps.decode(input), (command) =>
      Transaction.run(
        Effect.flatMap(steps.load(command), (loaded) =>
          Effect.flatMap(steps.decide(loaded, command), (plan) => steps.write(plan, loaded, command)),
        ),
      ),
    ).pipe(Span.untraced(steps.span))

/**
 * The steps of a use case whose input is one command of a schema: `command`
 * replaces `decode`.
 */
export interface CommandSteps<I, C, S, P, A, E1, E2, E3, R1, R2, R3>
  extends Omit<Steps<I, C, S, P, A, never, E1, E2, E3, R1, R2, R3>, "decode"> {
  /** The command's schema, decoded with the package's rules. */
  readonly command: Schema.Schema<C, I>
}

/**
 * What `decodingWith` answers: `make` with the package's decoder built in.
 */
export type CommandUseCase<E0> = <I, C, S, P, A, E1, E2, E3, R1, R2, R3>(
  steps: CommandSteps<I, C, S, P, A, E1, E2, E3, R1, R2, R3>,
) => (input: I) => Effect.Effect<A, E0 | Exclude<E1 | E2 | E3, SqlError.SqlError>, R1 | R2 | R3 | SqlClient.SqlClient>

/**
 * `make` for a package: its commands are decoded with the package's decoder
 * (the kernel's `Input.decode` bound to its message catalogue), so a use case
 * names its command's schema and its three other steps.
 *
 * ```ts
 * const useCase = UseCase.decodingWith(decode)
 * export const configure = useCase({ span, command: ConfigureMechanism, load, decide, write })
 * ```
 */
export const decodingWith =
  <E0>(decode: <C, I>(schema: Schema.Schema<C, I>) => (input: unknown) => Effect.Effect<C, E0>): CommandUseCase<E0> =>
  (steps) =>
    make({
      span: steps.span,
      decode: decode(steps.command),
      load: steps.load,
      decide: steps.decide,
      write: steps.write,
    })

/**
 * Exactly the services named, taken from the context the service is built in.
 * A service keeps only these for its use cases, never the whole context, so
 * that a per-request value (the principal, the jurisdiction) still comes from
 * the caller.
 */
// biome-ignore lint/suspicious/noExplicitAny: any tag, as `Context.pick` itself accepts
export const services = <Tags extends ReadonlyArray<Context.Tag<any, any>>>(
  ...tags: Tags
): Effect.Effect<Context.Context<Context.Tag.Identifier<Tags[number]>>, never, Context.Tag.Identifier<Tags[number]>> =>
  Effect.map(
    Effect.context<Context.Tag.Identifier<Tags[number]>>(),
    (context) => Context.pick(...tags)(context) as Context.Context<Context.Tag.Identifier<Tags[number]>>,
  )

/**
 * A use case with the service's own dependencies provided: what is left to
 * the caller is the per-request context (the principal). This is how a
 * service assembles its use cases:
 * `const own = UseCase.provide(yield* UseCase.services(Repository, SqlClient.SqlClient))`,
 * then `send: own(Send.send)`.
 */
export const provide = <S>(context: Context.Context<S>) => {
  const given = [...context.unsafeMap]
  return <Args extends ReadonlyArray<unknown>, A, E, R>(
    useCase: (...args: Args) => Effect.Effect<A, E, R>,
  ): ((...args: Args) => Effect.Effect<A, E, Exclude<R, S>>) =>
    (...args) => {
      const effect = useCase(...args)
      // Where the caller's context already holds these very services (an
      // application built the service from its own context), providing them
      // again changes nothing but costs a copy of the whole context, twice
      // (in and out; ADR 0041): skipped then.
      return Effect.withFiberRuntime((fiber) => {
        const current = fiber.currentContext.unsafeMap
        for (const [key, service] of given)
          if (current.get(key) !== service) return Effect.provide(effect, context) as Effect.Effect<A, E, Exclude<R, S>>
        return effect as Effect.Effect<A, E, Exclude<R, S>>
      })
    }
}

/**
 * A module's use cases with the service's own dependencies `S` provided: each
 * function (or effect) keeps its arguments, answer and errors, and asks its
 * caller only for what is left (the principal, the jurisdiction).
 */
export type Provided<UseCases, S> = {
  readonly [K in keyof UseCases]: UseCases[K] extends (...args: infer Args) => Effect.Effect<infer A, infer E, infer R>
    ? (...args: Args) => Effect.Effect<A, E, Exclude<R, S>>
    : UseCases[K] extends Effect.Effect<infer A, infer E, infer R>
      ? Effect.Effect<A, E, Exclude<R, S>>
      : never
}

/** A use case as a module exports it: a function answering an effect, or an effect. */
// biome-ignore lint/suspicious/noExplicitAny: any use case, whatever its arguments and answer
type AnyUseCase = ((...args: ReadonlyArray<any>) => Effect.Effect<any, any, any>) | Effect.Effect<any, any, any>

/**
 * Each of a module's use cases with the service's own dependencies provided
 * (`provide`, for a whole record of them at once).
 */
export const provideAll = <S, const UseCases extends Readonly<Record<string, AnyUseCase>>>(
  context: Context.Context<S>,
  useCases: UseCases,
): Provided<UseCases, S> => {
  const own = provide(context)
  const provided: Record<string, unknown> = {}
  for (const [name, useCase] of Object.entries<AnyUseCase>(useCases))
    provided[name] = Effect.isEffect(useCase)
      ? Effect.provide(useCase, context)
      : own(useCase as Exclude<AnyUseCase, Effect.Effect<unknown, unknown, unknown>>)
  return provided as Provided<UseCases, S>
}

/**
 * A service assembled from a module's use cases: each one with exactly the
 * services named by `tags` provided (`services`, `provideAll`), taken from the
 * context the layer is built in. How a package turns the use cases it exports
 * as functions into the `Context.Tag` service an application holds, so that
 * the application never holds the repositories they read:
 * `Layer.effect(CaseNoteService, UseCase.assemble([CaseNoteRepository, …], { write: CaseNotes.write }))`.
 */
export const assemble = <
  // biome-ignore lint/suspicious/noExplicitAny: any tag, as `Context.pick` itself accepts
  const Tags extends ReadonlyArray<Context.Tag<any, any>>,
  const UseCases extends Readonly<Record<string, AnyUseCase>>,
>(
  tags: Tags,
  useCases: UseCases,
): Effect.Effect<
  Provided<UseCases, Context.Tag.Identifier<Tags[number]>>,
  never,
  Context.Tag.Identifier<Tags[number]>
> => Effect.map(services(...tags), (context) => provideAll(context, useCases))
