/**
 * Passwords, for people without a passkey device: argon2id through
 * `hash-wasm` (WebAssembly, no native build), with the parameters of ADR 0009
 * (19 MiB, 2 passes, 1 lane: OWASP's first recommended set). The encoded form
 * (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`) carries its parameters, so hashes
 * made under older parameters still verify after they change.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import { argon2id, argon2Verify } from "hash-wasm"

/**
 * The argon2id parameters of new hashes (ADR 0009).
 *
 * @since 0.1.0
 */
export const parameters = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const

/**
 * A password people can choose: 12 to 200 characters (a passphrase of a few
 * words is fine; no composition rules, as NIST SP 800-63B advises).
 *
 * @since 0.1.0
 */
export const Password = Schema.String.pipe(Schema.minLength(12), Schema.maxLength(200)).annotations({
  identifier: "Password",
})

/**
 * The encoded argon2id hash of `password`, with 16 random bytes of salt.
 *
 * @since 0.1.0
 */
export const hash = (password: string): Effect.Effect<string> =>
  Effect.promise(() =>
    argon2id({
      password: password.normalize("NFKC"),
      salt: crypto.getRandomValues(new Uint8Array(16)),
      ...parameters,
      outputType: "encoded",
    }),
  )

/**
 * Whether `password` matches the encoded hash; a malformed hash matches nothing.
 *
 * @since 0.1.0
 */
export const verify = (password: string, encoded: string): Effect.Effect<boolean> =>
  Effect.tryPromise(() => argon2Verify({ password: password.normalize("NFKC"), hash: encoded })).pipe(
    Effect.orElseSucceed(() => false),
  )

let decoy: Promise<string> | undefined

/**
 * A hash no password is known for, made once per process with the current
 * parameters: an unknown account is checked against it, so a sign-in for an
 * address nobody has costs what one with a wrong password costs.
 *
 * @since 0.1.0
 */
export const decoyHash: Effect.Effect<string> = Effect.promise(() => {
  decoy ??= argon2id({
    password: crypto.getRandomValues(new Uint8Array(32)),
    salt: crypto.getRandomValues(new Uint8Array(16)),
    ...parameters,
    outputType: "encoded",
  })
  return decoy
})

let probe: Promise<boolean> | undefined

/**
 * Whether argon2id runs here: `hash-wasm` compiles WebAssembly at run time,
 * which Cloudflare Workers forbid (only modules bundled ahead of time run
 * there). Probed once per process with the smallest parameters; where it is
 * false, password sign-in is refused as unavailable rather than answered as a
 * wrong password (ADR 0009, ADR 0015).
 *
 * @since 0.1.0
 */
export const available: Effect.Effect<boolean> = Effect.promise(() => {
  probe ??= argon2id({
    password: "probe",
    salt: new Uint8Array(16),
    memorySize: 8,
    iterations: 1,
    parallelism: 1,
    hashLength: 16,
    outputType: "hex",
  }).then(
    () => true,
    () => false,
  )
  return probe
})
