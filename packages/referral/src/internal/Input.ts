// The kernel's input decoding bound to this package's rules: a failure without a
// rule of its own (a missing field, a wrong type) is `referral.input.invalid`.
import { type Errors, Input } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import type { Effect, Schema } from "effect"
import { referralMessages } from "../ReferralMessages"

/** @internal */
export const decode: <A, I>(schema: Schema.Schema<A, I>) => (input: unknown) => Effect.Effect<A, Errors.InvalidInput> =
  Input.decode({ messages: referralMessages, fallback: "referral.input.invalid" })

/** @internal A use case of this package, its command decoded with these rules. */
export const useCase: UseCase.CommandUseCase<Errors.InvalidInput> = UseCase.decodingWith(decode)
