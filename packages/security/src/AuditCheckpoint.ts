/**
 * Signed checkpoints of the audit chain: the head (`seq`, `hash`), the number of
 * entries and the time, signed with an Ed25519 key the database does not hold
 * (`BASHKE_AUDIT_SIGNING_KEY`). Published outside the database (a file of JSON
 * lines, an outbox event for an external store), they let `bashke audit verify`
 * find what the chain alone cannot: a chain rewritten and re-hashed from some
 * entry on, with its head, by whoever could drop the append-only triggers. The
 * recomputed chain verifies; its entry at the checkpoint's `seq` no longer has
 * the signed hash (`AuditChain.checkAnchor`: `anchor-mismatch`), and a
 * checkpoint forged for the new chain needs the private key.
 *
 * The signed text is the RFC 8785 (JCS) form of `{at, entries, hash, seq}`
 * (keys in code-point order), so any Ed25519 implementation can check a line:
 *
 * ```json
 * {"at":"2026-03-01T09:30:00.000Z","entries":7,"hash":"…","seq":7}
 * ```
 *
 * WebCrypto only (`Ed25519`): Node 20 and Cloudflare Workers.
 *
 * @since 0.1.0
 */
import { Data, Effect, Option, Schema } from "effect"
import type * as AuditChain from "./AuditChain"
import { Hash } from "./AuditEntry"
import { copy, fromBase64Key, fromBase64Url, subtle, toBase64Url, utf8 } from "./internal/Bytes"

/**
 * A checkpoint as published: the signed fields, the public key that checks it
 * (base64url, 32 bytes: which key signed, not a reason to trust it) and the
 * signature (base64url, 64 bytes).
 *
 * @since 0.1.0
 */
export const Checkpoint = Schema.Struct({
  seq: Schema.NonNegativeInt,
  hash: Hash,
  entries: Schema.NonNegativeInt,
  at: Schema.String,
  key: Schema.String,
  signature: Schema.String,
}).annotations({ identifier: "AuditCheckpoint" })

/**
 * @since 0.1.0
 */
export type Checkpoint = typeof Checkpoint.Type

/**
 * Why a signing or verifying key was refused. Never carries the key's text.
 *
 * @since 0.1.0
 */
export class KeyError extends Data.TaggedError("AuditCheckpointKeyError")<{
  readonly reason: "malformed" | "unsupported"
}> {}

/**
 * A private key that signs checkpoints, and its public key (base64url).
 *
 * @since 0.1.0
 */
export interface SigningKey {
  readonly privateKey: CryptoKey
  readonly publicKey: string
}

const algorithm = { name: "Ed25519" } as const
// The PKCS #8 header of an Ed25519 private key (RFC 8410): a 32-byte seed follows.
const pkcs8Prefix = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
])

const derOf = (text: string): Uint8Array<ArrayBuffer> | undefined => {
  const trimmed = text.trim()
  const pem = /^-----BEGIN PRIVATE KEY-----([\s\S]*)-----END PRIVATE KEY-----$/.exec(trimmed)
  const bytes = fromBase64Key(pem === null ? trimmed : (pem[1] ?? "").replace(/\s+/g, ""))
  if (bytes === undefined) return undefined
  if (bytes.length === 32) return copy(new Uint8Array([...pkcs8Prefix, ...bytes]))
  if (bytes.length === 48 && pkcs8Prefix.every((byte, i) => bytes[i] === byte)) return bytes
  return undefined
}

/**
 * Reads `BASHKE_AUDIT_SIGNING_KEY`'s value: an Ed25519 private key as PKCS #8 PEM
 * (`openssl genpkey -algorithm ed25519`), or its DER or its 32-byte seed in
 * base64 or base64url. Fails with `KeyError` (without the text) otherwise.
 *
 * @since 0.1.0
 */
export const signingKey = (text: string): Effect.Effect<SigningKey, KeyError> =>
  Effect.gen(function* () {
    const der = derOf(text)
    if (der === undefined) return yield* new KeyError({ reason: "malformed" })
    const privateKey = yield* Effect.tryPromise({
      try: () => subtle().importKey("pkcs8", der, algorithm, true, ["sign"]),
      catch: () => new KeyError({ reason: "unsupported" }),
    })
    const jwk = yield* Effect.tryPromise({
      try: () => subtle().exportKey("jwk", privateKey),
      catch: () => new KeyError({ reason: "unsupported" }),
    })
    if (jwk.x === undefined) return yield* new KeyError({ reason: "unsupported" })
    return { privateKey, publicKey: jwk.x }
  })

/**
 * A public key (base64url, 32 bytes) that checks checkpoints.
 *
 * @since 0.1.0
 */
export const verifyingKey = (publicKey: string): Effect.Effect<CryptoKey, KeyError> =>
  Effect.gen(function* () {
    const raw = fromBase64Url(publicKey.trim()) ?? fromBase64Key(publicKey.trim())
    if (raw === undefined || raw.length !== 32) return yield* new KeyError({ reason: "malformed" })
    return yield* Effect.tryPromise({
      try: () => subtle().importKey("raw", raw, algorithm, true, ["verify"]),
      catch: () => new KeyError({ reason: "unsupported" }),
    })
  })

/**
 * The text a checkpoint's signature covers (JCS of `{at, entries, hash, seq}`).
 *
 * @since 0.1.0
 */
export const signedText = (fields: Pick<Checkpoint, "at" | "entries" | "hash" | "seq">): string =>
  JSON.stringify({ at: fields.at, entries: fields.entries, hash: fields.hash, seq: fields.seq })

/**
 * Signs the head at `at`: the checkpoint to publish.
 *
 * @since 0.1.0
 */
export const sign = (key: SigningKey, head: AuditChain.Head, at: Date): Effect.Effect<Checkpoint> =>
  Effect.gen(function* () {
    const fields = { seq: head.seq, hash: head.hash, entries: head.seq, at: at.toISOString() }
    const signature = yield* Effect.promise(() => subtle().sign(algorithm, key.privateKey, utf8(signedText(fields))))
    return { ...fields, key: key.publicKey, signature: toBase64Url(signature) }
  })

/**
 * Whether `checkpoint` was signed by `key` and says what it signed: its
 * fields untouched and `entries` equal to `seq` (the chain numbers entries from 1).
 *
 * @since 0.1.0
 */
export const verify = (key: CryptoKey, checkpoint: Checkpoint): Effect.Effect<boolean> =>
  Effect.gen(function* () {
    const signature = fromBase64Url(checkpoint.signature)
    if (signature === undefined || signature.length !== 64 || checkpoint.entries !== checkpoint.seq) return false
    return yield* Effect.promise(() => subtle().verify(algorithm, key, signature, utf8(signedText(checkpoint))))
  })

/**
 * One line of a checkpoint file.
 *
 * @since 0.1.0
 */
export const toLine = (checkpoint: Checkpoint): string => `${JSON.stringify(checkpoint)}\n`

const decodeLine = Schema.decodeUnknownOption(Schema.parseJson(Checkpoint))

/**
 * The last checkpoint of a file's text (JSON lines), or `None`. A line that is
 * not a checkpoint (a torn last write) is skipped, never trusted.
 *
 * @since 0.1.0
 */
export const lastOf = (text: string): Option.Option<Checkpoint> => {
  const lines = text.split("\n").filter((line) => line.trim() !== "")
  for (let i = lines.length - 1; i >= 0; i--) {
    const decoded = decodeLine(lines[i])
    if (Option.isSome(decoded)) return decoded
  }
  return Option.none()
}

/**
 * The anchor a checkpoint pins: the chain must still hold entry `seq` with `hash`.
 *
 * @since 0.1.0
 */
export const anchorOf = (checkpoint: Checkpoint): AuditChain.Head => ({ seq: checkpoint.seq, hash: checkpoint.hash })

/**
 * What `bashke audit verify` answers: the chain whole (and, when a checkpoint
 * was given, still holding it), or the first broken link: an entry that does
 * not hash or link (`AuditChain.BrokenLink`), a checkpoint the chain no longer
 * holds (`anchor-mismatch`: rewritten and re-hashed, or cut back), or a
 * checkpoint whose signature does not check (`checkpoint-signature`: forged, or
 * signed with another key).
 *
 * @since 0.1.0
 */
export type Finding =
  | {
      readonly ok: true
      readonly entries: number
      readonly head: AuditChain.Head
      readonly checkpoint: Option.Option<Checkpoint>
    }
  | {
      readonly ok: false
      readonly firstBrokenSeq: number
      readonly reason: AuditChain.BrokenLink | "checkpoint-signature"
    }

/**
 * Verifies the log's chain, then the last published checkpoint against it:
 * its signature with `key` (the public key the operator trusts, never the one
 * written in the line), then that the chain still holds its entry.
 *
 * @since 0.1.0
 */
export const check = (
  log: {
    readonly verify: Effect.Effect<AuditChain.Verdict>
    readonly verifyAgainst: (anchor: AuditChain.Head) => Effect.Effect<AuditChain.Verdict>
  },
  key: CryptoKey,
  checkpoint: Option.Option<Checkpoint>,
): Effect.Effect<Finding> =>
  Effect.gen(function* () {
    if (Option.isSome(checkpoint) && !(yield* verify(key, checkpoint.value)))
      return { ok: false, firstBrokenSeq: checkpoint.value.seq, reason: "checkpoint-signature" } as const
    const verdict = Option.isSome(checkpoint) ? yield* log.verifyAgainst(anchorOf(checkpoint.value)) : yield* log.verify
    return verdict.ok ? { ok: true, entries: verdict.entries, head: verdict.head, checkpoint } : verdict
  })
