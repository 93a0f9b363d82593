/**
 * What the `bashke audit` commands share: the signing key and the checkpoint
 * file from the environment, read and checked before the database is opened,
 * and the audit log over the database (its vault keys from `BASHKE_VAULT_KEYS`,
 * which open the sealed break-glass reasons the chain hashes).
 *
 * - `BASHKE_AUDIT_SIGNING_KEY`: the Ed25519 private key that signs checkpoints
 *   (PKCS #8 PEM as `openssl genpkey -algorithm ed25519` writes it, or the
 *   32-byte seed in base64). Keep it off the database's host when you can.
 * - `BASHKE_AUDIT_PUBLIC_KEY`: the public key that checks them (base64url, as a
 *   checkpoint line's `key`); `verify` derives it from the signing key when
 *   only that is set.
 * - `BASHKE_AUDIT_CHECKPOINT_FILE`: the file checkpoints are appended to, one
 *   JSON line each, and `verify` reads the last of.
 */
import { appendFile, readFile } from "node:fs/promises"
import type { Id } from "@bashke/kernel"
import { AuditCheckpoint, AuditLog, Vault } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { type ConfigError, Data, Effect, Layer, Option } from "effect"

/** A setting of the audit commands that is missing or malformed (its name, never its value). */
export class AuditSettingInvalid extends Data.TaggedError("AuditSettingInvalid")<{
  readonly variable: string
  readonly missing: boolean
}> {}

const env = (name: string): string | undefined => {
  const value = process.env[name]
  return value === undefined || value.trim() === "" ? undefined : value
}

/** The signing key of `BASHKE_AUDIT_SIGNING_KEY`. */
export const signingKey: Effect.Effect<AuditCheckpoint.SigningKey, AuditSettingInvalid> = Effect.gen(function* () {
  const text = env("BASHKE_AUDIT_SIGNING_KEY")
  if (text === undefined) return yield* new AuditSettingInvalid({ variable: "BASHKE_AUDIT_SIGNING_KEY", missing: true })
  return yield* Effect.mapError(
    AuditCheckpoint.signingKey(text),
    () => new AuditSettingInvalid({ variable: "BASHKE_AUDIT_SIGNING_KEY", missing: false }),
  )
})

/** The key that checks checkpoints: `BASHKE_AUDIT_PUBLIC_KEY`, else the signing key's. */
export const verifyingKey: Effect.Effect<CryptoKey, AuditSettingInvalid> = Effect.gen(function* () {
  const text = env("BASHKE_AUDIT_PUBLIC_KEY")
  if (text !== undefined)
    return yield* Effect.mapError(
      AuditCheckpoint.verifyingKey(text),
      () => new AuditSettingInvalid({ variable: "BASHKE_AUDIT_PUBLIC_KEY", missing: false }),
    )
  if (env("BASHKE_AUDIT_SIGNING_KEY") === undefined)
    return yield* new AuditSettingInvalid({ variable: "BASHKE_AUDIT_PUBLIC_KEY", missing: true })
  const key = yield* signingKey
  return yield* Effect.orDie(AuditCheckpoint.verifyingKey(key.publicKey))
})

/** The checkpoint file, when one is configured. */
export const checkpointFile: Option.Option<string> = Option.fromNullable(env("BASHKE_AUDIT_CHECKPOINT_FILE"))

/** The last checkpoint in the file (`None` without a file, or with an empty one). */
export const lastCheckpoint = (file: Option.Option<string>) =>
  Option.match(file, {
    onNone: () => Effect.succeed(Option.none<AuditCheckpoint.Checkpoint>()),
    onSome: (path) =>
      Effect.tryPromise({
        try: () => readFile(path, "utf8"),
        catch: () => new AuditSettingInvalid({ variable: "BASHKE_AUDIT_CHECKPOINT_FILE", missing: true }),
      }).pipe(Effect.map(AuditCheckpoint.lastOf)),
  })

/** Appends a checkpoint to the file (created readable by its owner only). */
export const appendCheckpoint = (path: string, checkpoint: AuditCheckpoint.Checkpoint) =>
  Effect.tryPromise({
    try: () => appendFile(path, AuditCheckpoint.toLine(checkpoint), { mode: 0o600 }),
    catch: () => new AuditSettingInvalid({ variable: "BASHKE_AUDIT_CHECKPOINT_FILE", missing: false }),
  })

/** The audit log over the opened database, with the vault of `BASHKE_VAULT_KEYS`. */
export const auditLog: Layer.Layer<AuditLog.AuditLog, ConfigError.ConfigError, SqlClient.SqlClient | Id.IdGenerator> =
  AuditLog.layer.pipe(Layer.provide(Vault.layerConfig()))
