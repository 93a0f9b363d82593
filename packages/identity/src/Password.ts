/**
 * Passwords, for people without a passkey device: argon2id with the
 * parameters of ADR 0009 (19 MiB, 2 passes, 1 lane: OWASP's first recommended
 * set). The encoded form (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`) carries its
 * parameters, so hashes made under older parameters still verify after they
 * change. Computed by `hash-wasm` where WebAssembly compiles at run time
 * (Node) and by `@noble/hashes` where it does not (Cloudflare Workers): the
 * same bytes, so a hash made on one verifies on the other.
 */
import { Effect, Metric, Schema } from "effect"
import * as Argon2id from "./internal/Argon2id"

/**
 * The argon2id parameters of new hashes (ADR 0009).
 */
export const parameters = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const

/**
 * A password people can choose: 12 to 200 characters (a passphrase of a few
 * words is fine; no composition rules, as NIST SP 800-63B advises).
 */
export const Password = Schema.String.pipe(Schema.minLength(12), Schema.maxLength(200)).annotations({
  identifier: "Password",
})

let chosen: Promise<Argon2id.Engine> | undefined

// Probed once per process with the smallest cost: WebAssembly where it compiles, plain JavaScript elsewhere.
const engine: Effect.Effect<Argon2id.Engine> = Effect.promise(() => {
  chosen ??= Argon2id.wasm("probe", new Uint8Array(16), {
    memorySize: 8,
    iterations: 1,
    parallelism: 1,
    hashLength: 16,
  }).then(
    () => Argon2id.wasm,
    () => Argon2id.javascript,
  )
  return chosen
})

/**
 * The encoded argon2id hash of `password`, with 16 random bytes of salt.
 */
export const hash = (password: string): Effect.Effect<string> =>
  Effect.flatMap(engine, (compute) =>
    Effect.promise(() =>
      Argon2id.hashWith(compute, password.normalize("NFKC"), crypto.getRandomValues(new Uint8Array(16)), parameters),
    ),
  )

/**
 * Whether `password` matches the encoded hash; a malformed hash matches nothing.
 */
export const verify = (password: string, encoded: string): Effect.Effect<boolean> =>
  Effect.flatMap(engine, (compute) =>
    Effect.tryPromise(() => Argon2id.verifyWith(compute, password.normalize("NFKC"), encoded)).pipe(
      Effect.orElseSucceed(() => false),
      Effect.zipLeft(Metric.increment(verifications)),
    ),
  )

/**
 * How many passwords were verified (each one argon2id verification, a real
 * hash's or the decoy's): what a sign-in costs, counted rather than timed.
 */
export const verifications = Metric.counter("identity_password_verifications", {
  description: "argon2id password verifications, the decoy's included",
})

let decoy: Promise<string> | undefined

/**
 * A hash no password is known for, made once per process with the current
 * parameters: an unknown account is checked against it, so a sign-in for an
 * address nobody has costs what one with a wrong password costs.
 */
export const decoyHash: Effect.Effect<string> = Effect.flatMap(engine, (compute) =>
  Effect.promise(() => {
    decoy ??= Argon2id.hashWith(
      compute,
      crypto.getRandomValues(new Uint8Array(32)),
      crypto.getRandomValues(new Uint8Array(16)),
      parameters,
    )
    return decoy
  }),
)
