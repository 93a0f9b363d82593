// The kernel's input decoding bound to this package's rules (both catalogue
// parts): a failure without a rule of its own (a missing field, a wrong type) is
// `case.input.invalid`.
import { Catalogue, type Errors, Input } from "@bashke/kernel"
import type { Effect, Either, Schema } from "effect"
import { caseMessages } from "../CaseMessages"
import { caseStoreMessages } from "../CaseStoreMessages"
import { caseworkMessages } from "../CaseworkMessages"
import { documentMessages } from "../DocumentMessages"
import { erasureMessages } from "../ErasureMessages"

const rules: Input.Rules = {
  messages: Catalogue.merge(caseMessages, caseStoreMessages, caseworkMessages, documentMessages, erasureMessages),
  fallback: "case.input.invalid",
}

/** @internal Decodes `input` with `schema`, or the first rule it breaks. */
export const decodeEither: <A, I>(
  schema: Schema.Schema<A, I>,
) => (input: unknown) => Either.Either<A, Errors.InvalidInput> = Input.decodeEither(rules)

/** @internal `decodeEither` as an Effect. */
export const decode: <A, I>(schema: Schema.Schema<A, I>) => (input: unknown) => Effect.Effect<A, Errors.InvalidInput> =
  Input.decode(rules)
