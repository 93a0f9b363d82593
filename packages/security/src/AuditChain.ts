/**
 * The hash chain of the audit log, as pure functions: how an entry's hash is
 * computed, how a new entry is linked to the head, and how a chain is verified.
 *
 * ## Canonical form
 *
 * An entry's hash is `SHA-256(prevHash + "\n" + canonical)` in lowercase hex, with
 * `canonical` the UTF-8 JSON object of the entry's fields without `prevHash` and
 * `hash`, keys in code-point order, an absent optional field written as `null`,
 * `at` as ISO 8601 UTC with milliseconds (`2026-03-01T09:30:00.000Z`), `seq` an
 * integer, `breakGlass` a boolean:
 *
 * ```json
 * {"action":"read","at":"…","breakGlass":false,"caseId":"…","id":"…","institutionId":"…",
 *  "mechanismId":null,"personId":"…","principalId":"…","purpose":"case-management","reason":null,"seq":7}
 * ```
 *
 * With only strings, integers, booleans and null, this is the RFC 8785 (JCS)
 * canonicalization of that object, so any language can recompute it. `reason`
 * enters as plaintext: sealing it differently after a key rotation leaves the
 * hash unchanged.
 *
 * The first entry's `prevHash` is 64 zeros. The chain head (`seq`, `hash` of the
 * last entry) is kept apart, so that cutting entries off the end is detected too.
 */
import { Effect, Schema } from "effect"
import type { AuditEntry, Fields } from "./AuditEntry"
import { Hash } from "./AuditEntry"
import { subtle, toHex, utf8 } from "./internal/Bytes"
import { nodeCrypto } from "./internal/NodeCrypto"

/**
 * The `prevHash` of the first entry.
 */
export const genesisHash: Hash = Hash.make("0".repeat(64))

/**
 * The last entry's `seq` and `hash` (`0` and `genesisHash` for an empty log).
 */
export const Head = Schema.Struct({ seq: Schema.NonNegativeInt, hash: Hash }).annotations({ identifier: "AuditHead" })

export type Head = typeof Head.Type

/**
 * The head of an empty log.
 */
export const emptyHead: Head = { seq: 0, hash: genesisHash }

/**
 * An entry before it is hashed.
 */
export type Unhashed = Omit<AuditEntry, "prevHash" | "hash">

/**
 * The canonical JSON of an entry (see the module's documentation).
 */
export const canonicalJson = (entry: Unhashed): string =>
  JSON.stringify({
    action: entry.action,
    at: entry.at.toISOString(),
    breakGlass: entry.breakGlass,
    caseId: entry.caseId ?? null,
    id: entry.id,
    institutionId: entry.institutionId ?? null,
    mechanismId: entry.mechanismId ?? null,
    personId: entry.personId ?? null,
    principalId: entry.principalId,
    purpose: entry.purpose,
    reason: entry.reason ?? null,
    seq: entry.seq,
  })

/**
 * The hash of an entry that follows `prevHash`.
 */
export const hashOf = (prevHash: string, entry: Unhashed): Effect.Effect<Hash> => {
  const text = `${prevHash}\n${canonicalJson(entry)}`
  // Node's SHA-256 where there is one: the same digest without a WebCrypto job per entry.
  const node = nodeCrypto
  return node !== undefined
    ? Effect.sync(() => node.createHash("sha256").update(text).digest("hex") as Hash)
    : Effect.promise(() => subtle().digest("SHA-256", utf8(text))).pipe(Effect.map((digest) => toHex(digest) as Hash))
}

/**
 * The entry that follows `head`: the next `seq`, `prevHash` = the head's hash.
 */
export const link = (
  head: Head,
  next: { readonly id: AuditEntry["id"]; readonly at: Date; readonly fields: Fields },
): Effect.Effect<AuditEntry> => {
  const unhashed: Unhashed = { seq: head.seq + 1, id: next.id, at: next.at, ...next.fields }
  return Effect.map(hashOf(head.hash, unhashed), (hash) => ({ ...unhashed, prevHash: head.hash, hash }))
}

/**
 * Entries that follow `head` one after another, each linked to the one
 * before as {@link link} links it: the same entries, hashes and order. Where
 * the runtime has `node:crypto`, every hash is taken in one synchronous pass
 * (a bulk import's page links a thousand entries, and an effect per entry
 * cost more than its hash); elsewhere one WebCrypto digest after another.
 */
export const linkAll = (
  head: Head,
  nexts: ReadonlyArray<{ readonly id: AuditEntry["id"]; readonly at: Date; readonly fields: Fields }>,
): Effect.Effect<ReadonlyArray<AuditEntry>> => {
  const node = nodeCrypto
  if (node === undefined)
    return Effect.suspend(() => {
      let last = head
      return Effect.forEach(nexts, (next) =>
        Effect.map(link(last, next), (entry) => {
          last = { seq: entry.seq, hash: entry.hash }
          return entry
        }),
      )
    })
  return Effect.sync(() => {
    const entries: Array<AuditEntry> = []
    let seq = head.seq
    let prevHash = head.hash
    for (const next of nexts) {
      seq += 1
      const unhashed: Unhashed = { seq, id: next.id, at: next.at, ...next.fields }
      const hash = node
        .createHash("sha256")
        .update(`${prevHash}\n${canonicalJson(unhashed)}`)
        .digest("hex") as Hash
      entries.push({ ...unhashed, prevHash, hash })
      prevHash = hash
    }
    return entries
  })
}

/**
 * Why a chain is broken at `firstBrokenSeq`:
 *
 * - `seq-mismatch`: the entry found there has another `seq` (an entry deleted,
 *   inserted, moved, or its `seq` edited);
 * - `prev-hash-mismatch`: it does not point at the hash of the entry before;
 * - `hash-mismatch`: its fields do not give its hash (a field edited);
 * - `tail-missing`: the head names entries that are not there (cut off the end);
 * - `head-mismatch`: the head does not match the last entry (entries added past
 *   it, or the head edited);
 * - `head-missing`: there is no head to check the end against;
 * - `anchor-mismatch`: a head published earlier (an anchor) is not in the chain:
 *   entries up to it were rewritten, or cut off with the head moved back.
 */
export const BrokenLink = Schema.Literal(
  "seq-mismatch",
  "prev-hash-mismatch",
  "hash-mismatch",
  "tail-missing",
  "head-mismatch",
  "head-missing",
  "anchor-mismatch",
)

export type BrokenLink = typeof BrokenLink.Type

/**
 * The verifier's answer: the number of entries and the head when the chain is
 * whole; otherwise the first `seq` where it breaks, and why.
 */
export type Verdict =
  | { readonly ok: true; readonly entries: number; readonly head: Head }
  | { readonly ok: false; readonly firstBrokenSeq: number; readonly reason: BrokenLink }

/**
 * A verifier fed one entry at a time, so a long log can be checked page by page
 * in constant memory. `check` answers the break at this entry, if any;
 * `finish` compares what was seen with the stored head.
 */
export interface Verifier {
  readonly check: (entry: AuditEntry) => Effect.Effect<Verdict | undefined>
  readonly finish: (head: Head | undefined) => Verdict
}

export const verifier = (): Verifier => {
  let seen: Head = emptyHead
  const broken = (firstBrokenSeq: number, reason: BrokenLink): Verdict => ({ ok: false, firstBrokenSeq, reason })
  return {
    check: (entry) => {
      const expected = seen.seq + 1
      if (entry.seq !== expected) return Effect.succeed(broken(expected, "seq-mismatch"))
      if (entry.prevHash !== seen.hash) return Effect.succeed(broken(expected, "prev-hash-mismatch"))
      const { prevHash: _prev, hash: _hash, ...unhashed } = entry
      return Effect.map(hashOf(entry.prevHash, unhashed), (hash) => {
        if (hash !== entry.hash) return broken(expected, "hash-mismatch")
        seen = { seq: entry.seq, hash: entry.hash }
        return undefined
      })
    },
    finish: (head) => {
      if (head === undefined) return broken(seen.seq + 1, "head-missing")
      if (head.seq > seen.seq) return broken(seen.seq + 1, "tail-missing")
      if (head.seq < seen.seq) return broken(head.seq + 1, "head-mismatch")
      if (head.hash !== seen.hash) return broken(Math.max(seen.seq, 1), "head-mismatch")
      return { ok: true, entries: seen.seq, head: seen }
    },
  }
}

/**
 * Checks a verified chain against a head published earlier (an anchor): the
 * chain must still hold that entry with that hash. Without anchors, whoever can
 * rewrite the tables can also rewrite the whole chain and its head consistently.
 */
export const checkAnchor = (
  verdict: Verdict,
  anchorEntry: { readonly seq: number; readonly hash: string } | undefined,
  anchor: Head,
): Verdict => {
  if (!verdict.ok || anchor.seq === 0) return verdict
  return anchorEntry !== undefined && anchorEntry.seq === anchor.seq && anchorEntry.hash === anchor.hash
    ? verdict
    : { ok: false, firstBrokenSeq: anchor.seq, reason: "anchor-mismatch" }
}

/**
 * Verifies entries (in the order stored, expected `seq` 1, 2, 3, …) against the
 * head. Any edit of a field, deletion of an entry (the last included), insertion
 * or reordering is reported at the earliest `seq` where the stored chain differs
 * from an intact one.
 */
export const verifyChain = (entries: Iterable<AuditEntry>, head: Head | undefined): Effect.Effect<Verdict> =>
  Effect.gen(function* () {
    const chain = verifier()
    for (const entry of entries) {
      const verdict = yield* chain.check(entry)
      if (verdict !== undefined) return verdict
    }
    return chain.finish(head)
  })
