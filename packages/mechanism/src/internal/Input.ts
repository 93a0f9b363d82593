// The kernel's input decoding bound to this package's rules: a failure without a
// rule of its own (a missing field, a wrong type) is `mechanism.input.invalid`.
import { type Errors, Input } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import type { Effect, ParseResult, Schema } from "effect"
import { mechanismMessages } from "../MechanismMessages"

const rules: Input.Rules = { messages: mechanismMessages, fallback: "mechanism.input.invalid" }

/** @internal */
export const toInvalidInput = (error: ParseResult.ParseError): Errors.InvalidInput => Input.invalidInput(rules, error)

/** @internal */
export const decode: <A, I>(schema: Schema.Schema<A, I>) => (input: unknown) => Effect.Effect<A, Errors.InvalidInput> =
  Input.decode(rules)

/** @internal A use case of this package, its command decoded with these rules. */
export const useCase: UseCase.CommandUseCase<Errors.InvalidInput> = UseCase.decodingWith(decode)
