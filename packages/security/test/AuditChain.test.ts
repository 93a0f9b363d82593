import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import { AuditChain, AuditEntry, Purpose } from "../src"
import { property } from "./support/Property"

// Hand-made arbitraries: effect's `Arbitrary.make` yields fast-check 3 values, the tests use fast-check 4.
const ulid = fc.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/)
const optional = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { nil: undefined })
const withoutUndefined = <A extends object>(record: A): A =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as A
const fieldsArbitrary = fc
  .record({
    principalId: ulid,
    institutionId: optional(ulid),
    mechanismId: optional(ulid),
    caseId: optional(ulid),
    personId: optional(ulid),
    action: fc.constantFrom(...AuditEntry.Action.literals),
    purpose: fc.constantFrom(...Purpose.Purpose.literals),
    reason: optional(fc.string({ maxLength: 40 })),
    breakGlass: fc.boolean(),
  })
  .map((record) => withoutUndefined(record) as AuditEntry.Fields)
const dateArbitrary = fc.date({
  min: new Date("2020-01-01T00:00:00Z"),
  max: new Date("2040-01-01T00:00:00Z"),
  noInvalidDate: true,
})
const hashArbitrary = fc.stringMatching(/^[0-9a-f]{64}$/)

type Draft = { readonly id: string; readonly at: Date; readonly fields: AuditEntry.Fields }

const build = (drafts: ReadonlyArray<Draft>) =>
  Effect.gen(function* () {
    let head = AuditChain.emptyHead
    const entries: Array<AuditEntry.AuditEntry> = []
    for (const draft of drafts) {
      const entry = yield* AuditChain.link(head, { ...draft, id: draft.id as AuditEntry.AuditEntry["id"] })
      entries.push(entry)
      head = { seq: entry.seq, hash: entry.hash }
    }
    return { entries, head }
  })

const chainArbitrary = fc.array(fc.record({ id: ulid, at: dateArbitrary, fields: fieldsArbitrary }), {
  minLength: 1,
  maxLength: 12,
})

// A replacement value for every field of an entry, drawn independently: a tamper
// sets one field of the victim to the replacement's (or removes an optional one).
const replacementArbitrary = fc.record({
  seq: fc.integer({ min: 1, max: 100 }),
  id: ulid,
  at: dateArbitrary,
  prevHash: hashArbitrary,
  hash: hashArbitrary,
  fields: fieldsArbitrary,
})
type Replacement = typeof replacementArbitrary extends fc.Arbitrary<infer A> ? A : never

const fieldNames = [
  "seq",
  "id",
  "at",
  "principalId",
  "institutionId",
  "mechanismId",
  "caseId",
  "personId",
  "action",
  "purpose",
  "reason",
  "breakGlass",
  "prevHash",
  "hash",
] as const
type FieldName = (typeof fieldNames)[number]

const replacementValue = (replacement: Replacement, field: FieldName): unknown => {
  switch (field) {
    case "seq":
    case "id":
    case "at":
    case "prevHash":
    case "hash":
      return replacement[field]
    default:
      return replacement.fields[field]
  }
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b)

const replaced = <A>(items: ReadonlyArray<A>, index: number, item: A): Array<A> =>
  items.map((current, i) => (i === index ? item : current))
const removed = <A>(items: ReadonlyArray<A>, index: number): Array<A> => items.filter((_, i) => i !== index)

describe("AuditChain", () => {
  it.effect("documents its canonical form: sorted keys, null for absent, ISO time", () =>
    Effect.gen(function* () {
      const entry = yield* AuditChain.link(AuditChain.emptyHead, {
        id: "01J0000000000000000000000A" as AuditEntry.AuditEntry["id"],
        at: new Date("2026-03-01T09:30:00.000Z"),
        fields: {
          principalId: "01J0000000000000000000000B" as AuditEntry.Fields["principalId"],
          institutionId: "01J0000000000000000000000C" as NonNullable<AuditEntry.Fields["institutionId"]>,
          caseId: "01J0000000000000000000000D" as NonNullable<AuditEntry.Fields["caseId"]>,
          action: "read",
          purpose: "case-management",
          breakGlass: false,
        },
      })
      const { prevHash, hash, ...unhashed } = entry
      const canonical = AuditChain.canonicalJson(unhashed)
      expect(canonical).toBe(
        '{"action":"read","at":"2026-03-01T09:30:00.000Z","breakGlass":false,"caseId":"01J0000000000000000000000D",' +
          '"id":"01J0000000000000000000000A","institutionId":"01J0000000000000000000000C","mechanismId":null,' +
          '"personId":null,"principalId":"01J0000000000000000000000B","purpose":"case-management","reason":null,"seq":1}',
      )
      expect(prevHash).toBe("0".repeat(64))
      // Recomputed independently of the module, as an outside auditor would.
      const digest = yield* Effect.promise(() =>
        crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${"0".repeat(64)}\n${canonical}`)),
      )
      expect(hash).toBe(Buffer.from(digest).toString("hex"))
    }),
  )

  it.effect("an empty log with an empty head is whole; without a head it is not", () =>
    Effect.gen(function* () {
      expect(yield* AuditChain.verifyChain([], AuditChain.emptyHead)).toEqual({
        ok: true,
        entries: 0,
        head: AuditChain.emptyHead,
      })
      expect(yield* AuditChain.verifyChain([], undefined)).toEqual({
        ok: false,
        firstBrokenSeq: 1,
        reason: "head-missing",
      })
    }),
  )

  it.effect("an untouched chain verifies", () =>
    property(chainArbitrary, (drafts) =>
      Effect.gen(function* () {
        const { entries, head } = yield* build(drafts)
        expect(yield* AuditChain.verifyChain(entries, head)).toEqual({ ok: true, entries: entries.length, head })
      }),
    ),
  )

  it.effect("linkAll links as link does, one after another, from any head", () =>
    property(fc.tuple(chainArbitrary, fc.integer({ min: 0, max: 1000 }), hashArbitrary), ([drafts, seq, hash]) =>
      Effect.gen(function* () {
        const head = { seq, hash: hash as AuditEntry.Hash }
        const nexts = drafts.map((draft) => ({ ...draft, id: draft.id as AuditEntry.AuditEntry["id"] }))
        let last: AuditChain.Head = head
        const one: Array<AuditEntry.AuditEntry> = []
        for (const next of nexts) {
          const entry = yield* AuditChain.link(last, next)
          one.push(entry)
          last = { seq: entry.seq, hash: entry.hash }
        }
        expect(yield* AuditChain.linkAll(head, nexts)).toEqual(one)
      }),
    ),
  )

  it.effect("any edit of any field is found at the edited entry", () =>
    property(
      fc.tuple(chainArbitrary, fc.nat(), fc.constantFrom(...fieldNames), replacementArbitrary),
      ([drafts, at, field, replacement]) =>
        Effect.gen(function* () {
          const { entries, head } = yield* build(drafts)
          const index = at % entries.length
          const victim = entries[index]!
          const value = replacementValue(replacement, field)
          if (same((victim as Record<string, unknown>)[field], value)) return
          const edited: Record<string, unknown> = { ...victim }
          if (value === undefined) delete edited[field]
          else edited[field] = value
          const tampered = replaced(entries, index, edited as AuditEntry.AuditEntry)
          const verdict = yield* AuditChain.verifyChain(tampered, head)
          expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: index + 1 })
        }),
      { numRuns: 500 },
    ),
  )

  it.effect("deleting any entry, the last included, is found where it was", () =>
    property(
      fc.tuple(chainArbitrary, fc.nat()),
      ([drafts, at]) =>
        Effect.gen(function* () {
          const { entries, head } = yield* build(drafts)
          const index = at % entries.length
          const verdict = yield* AuditChain.verifyChain(removed(entries, index), head)
          expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: index + 1 })
          if (index === entries.length - 1) expect(verdict).toMatchObject({ reason: "tail-missing" })
          else expect(verdict).toMatchObject({ reason: "seq-mismatch" })
        }),
      { numRuns: 200 },
    ),
  )

  it.effect("swapping two entries is found at the earlier position", () =>
    property(
      fc.tuple(
        chainArbitrary.filter((drafts) => drafts.length >= 2),
        fc.nat(),
        fc.nat(),
      ),
      ([drafts, a, b]) =>
        Effect.gen(function* () {
          const { entries, head } = yield* build(drafts)
          const i = a % entries.length
          const j = b % entries.length
          if (i === j) return
          const [low, high] = i < j ? [i, j] : [j, i]
          const tampered = replaced(replaced(entries, low, entries[high]!), high, entries[low]!)
          expect(yield* AuditChain.verifyChain(tampered, head)).toMatchObject({ ok: false, firstBrokenSeq: low + 1 })
        }),
      { numRuns: 200 },
    ),
  )

  it.effect("entries added past the head, or a rewritten head, are found", () =>
    property(
      fc.tuple(chainArbitrary, hashArbitrary),
      ([drafts, otherHash]) =>
        Effect.gen(function* () {
          const { entries, head } = yield* build(drafts)
          const shortHead = { seq: head.seq - 1, hash: entries[head.seq - 2]?.hash ?? AuditChain.genesisHash }
          expect(yield* AuditChain.verifyChain(entries, shortHead)).toEqual({
            ok: false,
            firstBrokenSeq: head.seq,
            reason: "head-mismatch",
          })
          if (otherHash === head.hash) return
          expect(
            yield* AuditChain.verifyChain(entries, { seq: head.seq, hash: otherHash as AuditEntry.Hash }),
          ).toMatchObject({ ok: false, reason: "head-mismatch" })
        }),
      { numRuns: 50 },
    ),
  )
})
