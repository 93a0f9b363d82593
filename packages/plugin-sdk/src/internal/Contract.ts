// What the capability contracts (`NoticesContract`, `CapacityContract`) share:
// a check over a world the provider under test sets up, and a comparison that
// fails with what was expected and what came.
import { Data, Effect } from "effect"

export class ContractBroken extends Data.TaggedError("ContractBroken")<{
  readonly check: string
  readonly expected: unknown
  readonly actual: unknown
}> {
  override get message(): string {
    return `${this.check}: expected ${JSON.stringify(this.expected)}, got ${JSON.stringify(this.actual)}`
  }
}

export const same = (check: string, actual: unknown, expected: unknown): Effect.Effect<void, ContractBroken> =>
  JSON.stringify(actual) === JSON.stringify(expected)
    ? Effect.void
    : Effect.fail(new ContractBroken({ check, expected, actual }))

export interface Check<World> {
  readonly name: string
  readonly run: (world: World) => Effect.Effect<void, unknown>
}
