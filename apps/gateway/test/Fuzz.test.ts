// Issue 7's fuzz test: requests generated from the route table — every route's
// schemas through `Arbitrary.make`, then mutated (wrong types, huge strings,
// odd unicode, missing and extra fields, arrays for objects, deep nesting,
// malformed JSON, wrong content types, bogus ids and query parameters, odd
// If-Match and Idempotency-Key) — sent as demo principals to a seeded gateway.
// Whatever arrives, the gateway answers below 500, refuses with a problem
// body, and never lets the demo's personal data into a refusal or a log line.
//
// The routes are iterated, so routes added to `src/Routes.ts` later are fuzzed
// without touching this file. Each route has a sequence of its own, seeded from
// its operationId, sent to its own copy of the seeded database with only what
// the seed told the fuzzer: a route added later adds its answers and changes no
// other route's. SQLite only: the pipeline under test is the same on both
// dialects, and the run must stay quick.

import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Id } from "@bashke/kernel"
import { Database } from "@bashke/persistence/node"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Arbitrary, Effect, FastCheck as fc, Layer, Schema } from "effect"
import type * as App from "../src/App"
import { seed } from "../src/demo/Seed"
import { institutions, type PersonName, principal } from "../src/demo/World"
import type * as Route from "../src/Route"
import { routes } from "../src/Routes"
import { leaked, personalValues } from "./support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "./support/Gateway"

/** How many requests each route gets, one per fast-check run: over 10,000 with the 186 routes of today. */
const runsPerRoute = 54
// Fixed, so a failure replays; BASHKE_FUZZ_SEED explores another sequence.
const defaultSeed = 20_260_701
const fuzzSeed = Number(process.env.BASHKE_FUZZ_SEED ?? defaultSeed)
// BASHKE_FUZZ_ROUTES=<operationId>,… fuzzes those routes only, compared with their own blocks of
// the record: the same answers as in the whole run, since no route's depend on another's.
const onlyRoutes = process.env.BASHKE_FUZZ_ROUTES?.split(",").filter((id) => id.length > 0)
const fuzzedRoutes =
  onlyRoutes === undefined ? routes : routes.filter((route) => onlyRoutes.includes(route.operationId))

/** A route's own seed: the run's, mixed with its operationId's FNV-1a hash (never its place in the table). */
const seedOf = (operationId: string, seed: number = fuzzSeed): number => {
  let hash = 0x811c9dc5
  for (let i = 0; i < operationId.length; i++) {
    hash ^= operationId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash ^ seed) | 0
}
const bodyLimit = 1024 * 1024

// -- what the fuzzer knows about the demo, growing as answers arrive ----------

const ulidPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/

/** Ids by the name a path or body would give them (`caseId`, `personId`, …), and all of them. */
const pools = new Map<string, Array<string>>()
const remember = (name: string, id: string) => {
  for (const key of [name, "*"]) {
    const pool = pools.get(key) ?? []
    if (!pool.includes(id)) pool.push(id)
    pools.set(key, pool)
  }
}
/** The last version seen of each versioned resource, by its id. */
const versions = new Map<string, number>()

/** What the seed told the fuzzer; each route starts from it, knowing nothing another route learnt. */
const known = { pools: new Map<string, Array<string>>(), versions: new Map<string, number>() }
const keepKnown = () => {
  known.pools = new Map([...pools].map(([name, pool]) => [name, [...pool]]))
  known.versions = new Map(versions)
}
const forgetAllButKnown = () => {
  pools.clear()
  for (const [name, pool] of known.pools) pools.set(name, [...pool])
  versions.clear()
  for (const [id, version] of known.versions) versions.set(id, version)
  usedKeys.length = 0
}

const singular = (word: string) =>
  word.endsWith("ies") ? `${word.slice(0, -3)}y` : word.endsWith("s") ? word.slice(0, -1) : word
const camel = (word: string) => word.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())

/** Learns ids from an answer: `xId` fields by their name, `id`s by the collection holding them. */
const harvest = (value: unknown, collection: string | undefined) => {
  if (Array.isArray(value)) {
    for (const item of value) harvest(item, collection)
    return
  }
  if (value === null || typeof value !== "object") return
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === "string" && ulidPattern.test(field)) {
      if (key === "id" && collection !== undefined) remember(`${camel(singular(collection))}Id`, field)
      else remember(key, field)
    } else {
      harvest(field, key === "items" ? collection : key)
    }
  }
}

// -- the pieces of a request, as data (resolved against the pools when sent) --

type Piece =
  | { readonly _tag: "known"; readonly pick: number }
  | { readonly _tag: "valid"; readonly value: string }
  | { readonly _tag: "bogus"; readonly value: string }

const oddStrings: ReadonlyArray<string> = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff\ud800",
  "x\ud83d",
  "\u200f\u202eevil\u202c",
  "\u2066\u2067\u2069",
  "😀👩🏽‍⚕️🇽🇰",
  "e\u0301\u0301\u0301\u0301\u0301",
  "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358",
  "\ufeff",
  "\uffff\ufffe",
  "ＡＢＣ１２３",
  "İıŞşĞğ",
  "ћирилица",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "0x1F",
  "true",
  "[]",
  "{}",
  "../../etc/passwd",
  "%00",
  "%2F%2e%2e",
  "'; DROP TABLE cases; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "$" + "{jndi:ldap://x}",
  "\r\nSet-Cookie: a=b",
  "01ARZ3NDEKTSV4RRFFQ69G5FA",
  "01ARZ3NDEKTSV4RRFFQ69G5FAVV",
  "01arz3ndektsv4rrffq69g5fav",
  "ILOU0000000000000000000000",
  "ZZZZZZZZZZZZZZZZZZZZZZZZZZ",
]

const oddString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...oddStrings) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-composite", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...personalValues) },
)

// -- bodies ----------------------------------------------------------------------

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

type Mutation =
  | { readonly _tag: "wrong-type"; readonly at: number; readonly value: Json }
  | { readonly _tag: "odd-string"; readonly at: number; readonly value: string }
  | { readonly _tag: "huge-string"; readonly at: number; readonly size: number }
  | { readonly _tag: "drop-field"; readonly at: number }
  | { readonly _tag: "extra-field"; readonly at: number; readonly key: string; readonly value: Json }
  | { readonly _tag: "array-for-object"; readonly at: number; readonly empty: boolean }
  | { readonly _tag: "deep"; readonly at: number; readonly depth: number; readonly array: boolean }

const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0.1, Number.MAX_SAFE_INTEGER),
  fc.string({ maxLength: 8 }),
  fc.constant([]),
  fc.constant({}),
  fc.constant([1, "a", null]),
  // Own `__proto__` and `constructor` keys, as JSON.parse makes them.
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as Json),
)

const hugeSizes = [10_000, 100_000, bodyLimit - 64, bodyLimit + 1, bodyLimit * 2]

// Huge strings are rarer than the rest: each costs megabytes, and a few hundred
// of them show as much as a few thousand would.
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ _tag: fc.constant("wrong-type" as const), at: fc.nat(), value: wrongValue }) },
  { weight: 3, arbitrary: fc.record({ _tag: fc.constant("odd-string" as const), at: fc.nat(), value: oddString }) },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant("huge-string" as const),
      at: fc.nat(),
      size: fc.constantFrom(...hugeSizes),
    }),
  },
  { weight: 3, arbitrary: fc.record({ _tag: fc.constant("drop-field" as const), at: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      _tag: fc.constant("extra-field" as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom("__proto__", "constructor", "expectedVersion", "caseId", "id", "x"), oddString),
      value: wrongValue,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ _tag: fc.constant("array-for-object" as const), at: fc.nat(), empty: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      _tag: fc.constant("deep" as const),
      at: fc.nat(),
      depth: fc.constantFrom(50, 1_000, 20_000),
      array: fc.boolean(),
    }),
  },
)

const malformedJson: ReadonlyArray<string> = [
  "",
  " ",
  "{",
  "}",
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '{"a":1} trailing',
  "NaN",
  "undefined",
  "\ufeff{}",
  '{"a":1 /* comment */}',
  '{"a":"\\ud800"}',
  '{"a":"\u0000"}',
  '{"\\u0000":1}',
  '{"a":"\\x41"}',
  '{"a":01}',
  '{"a":.5}',
  '{"a":+1}',
  '{"a":1e999999}',
  '{"a":"b" "c":1}',
  "[".repeat(100_000),
  `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
  `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`,
  '{"a":1,"a":2}',
  "\u0000",
  "\xff\xfe{",
  "null",
  "true",
  "123",
  '"a string"',
  "[]",
  "[{}]",
]

type Body =
  | { readonly _tag: "none" }
  | { readonly _tag: "valid"; readonly value: Json; readonly salt: number }
  | {
      readonly _tag: "mutated"
      readonly value: Json
      readonly salt: number
      readonly mutations: ReadonlyArray<Mutation>
    }
  | { readonly _tag: "raw"; readonly text: string }
  | { readonly _tag: "random-json"; readonly value: Json }

type Path = ReadonlyArray<string | number>
/** A JSON value being mutated in place. */
type Tree = unknown
type Container = Record<string | number, Tree>

const isContainer = (node: Tree): node is Container => node !== null && typeof node === "object"
const isRecord = (node: Tree): node is Container => isContainer(node) && !Array.isArray(node)
const at = (root: Tree, path: Path): Tree =>
  path.reduce<Tree>((node, key) => (isContainer(node) ? node[key] : undefined), root)

/** Paths to the nodes of a JSON tree, the root first (not into a deep nest an earlier mutation made). */
const nodesOf = (value: Tree, path: Path = []): Array<Path> => {
  const out: Array<Path> = [path]
  if (path.length > 12 || !isContainer(value)) return out
  for (const [key, item] of Object.entries(value))
    out.push(...nodesOf(item, [...path, Array.isArray(value) ? Number(key) : key]))
  return out
}

const clone = (value: Tree): Tree => (isContainer(value) ? structuredClone(value) : value)

const setAt = (root: Tree, path: Path, replace: (old: Tree) => Tree): Tree => {
  if (path.length === 0) return replace(root)
  const parent = at(root, path.slice(0, -1))
  const last = path[path.length - 1] as string | number
  if (isContainer(parent)) parent[last] = replace(parent[last])
  return root
}

const deepValue = (depth: number, array: boolean): Json => {
  let value: Json = 1
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value }
  return value
}

const mutate = (value: Tree, mutations: ReadonlyArray<Mutation>): Tree => {
  let root = clone(value)
  for (const m of mutations) {
    const nodes = nodesOf(root)
    const path = nodes[m.at % nodes.length] as Path
    switch (m._tag) {
      case "wrong-type":
        root = setAt(root, path, () => clone(m.value))
        break
      case "odd-string":
        root = setAt(root, path, () => m.value)
        break
      case "huge-string":
        root = setAt(root, path, () => "x".repeat(m.size))
        break
      case "drop-field": {
        const objects = nodes.map((p) => at(root, p)).filter((node) => isRecord(node) && Object.keys(node).length > 0)
        const target = objects[m.at % Math.max(1, objects.length)]
        if (isRecord(target)) {
          const keys = Object.keys(target)
          delete target[keys[m.at % keys.length] as string]
        }
        break
      }
      case "extra-field":
        root = setAt(root, path, (old) =>
          isRecord(old) ? { ...old, [m.key]: clone(m.value) } : { [m.key]: clone(m.value) },
        )
        break
      case "array-for-object":
        root = setAt(root, path, (old) => (m.empty ? [] : [old]))
        break
      case "deep":
        root = setAt(root, path, () => deepValue(m.depth, m.array))
        break
    }
  }
  return root
}

/** A JSON text too deep for `JSON.stringify`'s recursion is written by hand. */
const serialize = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? "null"
  } catch {
    return `${"[".repeat(20_000)}1${"]".repeat(20_000)}`
  }
}

// -- one request ------------------------------------------------------------------

interface Spec {
  readonly route: Route.AnyRoute
  readonly method: string
  readonly params: Record<string, Piece>
  readonly query: ReadonlyArray<readonly [string, string]> | "none"
  readonly body: Body
  readonly contentType: string | undefined
  readonly ifMatch: { readonly _tag: "current" } | { readonly _tag: "value"; readonly value: string } | undefined
  readonly idempotencyKey:
    | { readonly _tag: "reuse"; readonly pick: number }
    | { readonly _tag: "value"; readonly value: string }
    | undefined
  readonly who: number
  readonly language: string | undefined
}

const paramNames = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] as string)

const orUndefined = <A>(arbitrary: fc.Arbitrary<A>, weight = 1) =>
  fc.oneof({ weight, arbitrary: fc.constant(undefined) }, { weight: 10 - weight, arbitrary })

/**
 * A filter that gives up: after 100 misses it yields the last value, valid or
 * not. A refinement without an arbitrary of its own makes `Arbitrary.make`
 * filter its base until a value passes, and a narrow one (a whole number from
 * 1 to 52 drawn from all doubles) practically never does; a fuzzer is glad of
 * the invalid value instead.
 */
class GivingUpFilter<T> extends fc.Arbitrary<T> {
  constructor(
    readonly base: fc.Arbitrary<T>,
    readonly predicate: (value: T) => boolean,
  ) {
    super()
  }
  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    let value = this.base.generate(random, biasFactor)
    for (let miss = 0; miss < 100 && !this.predicate(value.value); miss++)
      value = this.base.generate(random, biasFactor)
    return value
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.base.canShrinkWithoutContext(value)
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.base.shrink(value, context).filter((shrunk) => this.predicate(shrunk.value))
  }
}

/** `Arbitrary.make`, with every filter it builds giving up (see `GivingUpFilter`). */
const arbitraryFor = <S extends Schema.Schema.AnyNoContext>(schema: S): fc.Arbitrary<Schema.Schema.Type<S>> => {
  const prototype = fc.Arbitrary.prototype as { filter: unknown }
  const filter = prototype.filter
  prototype.filter = function (this: fc.Arbitrary<unknown>, predicate: (value: unknown) => boolean) {
    return new GivingUpFilter(this, predicate)
  }
  try {
    return Arbitrary.make(schema)
  } finally {
    prototype.filter = filter
  }
}

const arbitraryOf = (schema: Schema.Schema.AnyNoContext | undefined): fc.Arbitrary<Json> | undefined => {
  if (schema === undefined) return undefined
  const encode = Schema.encodeUnknownOption(schema)
  return arbitraryFor(schema).map((value) => {
    const encoded = encode(value)
    return encoded._tag === "Some" ? (JSON.parse(serialize(encoded.value)) as Json) : null
  })
}

const pieceFor = (valid: fc.Arbitrary<string> | undefined): fc.Arbitrary<Piece> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.nat().map((pick): Piece => ({ _tag: "known", pick })) },
    ...(valid === undefined ? [] : [{ weight: 2, arbitrary: valid.map((value): Piece => ({ _tag: "valid", value })) }]),
    { weight: 2, arbitrary: oddString.map((value): Piece => ({ _tag: "bogus", value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(5_000, 100_000).map((n): Piece => ({ _tag: "bogus", value: "A".repeat(n) })),
    },
  )

const requestFor = (route: Route.AnyRoute): fc.Arbitrary<Spec> => {
  const names = paramNames(route.path)
  const pathValues = arbitraryOf(route.pathSchema) as fc.Arbitrary<Record<string, string> | null> | undefined
  const params =
    names.length === 0
      ? fc.constant({})
      : (pathValues ?? fc.constant(null)).chain((valid) =>
          fc.record(
            Object.fromEntries(
              names.map((name) => {
                const value = valid?.[name]
                return [name, pieceFor(typeof value === "string" ? fc.constant(value) : undefined)]
              }),
            ),
          ),
        )

  const queryValues = arbitraryOf(route.querySchema)
  const bogusParam = fc.tuple(
    fc.oneof(fc.constantFrom("limit", "after", "mechanismId", "riskLevel", "x", "__proto__"), oddString),
    fc.oneof(oddString, fc.constantFrom("-1", "0", "201", "1.5", "1e3", "99999999999999999999", "", "A".repeat(9_000))),
  )
  const query = fc.oneof(
    { weight: 2, arbitrary: fc.constant("none" as const) },
    {
      weight: 6,
      arbitrary: (queryValues ?? fc.constant({})).chain((valid) => {
        const entries = Object.entries(valid ?? {}).flatMap(([key, value]) =>
          Array.isArray(value) ? value.map((item) => [key, String(item)] as const) : [[key, String(value)] as const],
        )
        return fc
          .tuple(fc.subarray(entries), fc.array(bogusParam, { maxLength: 3 }), fc.boolean())
          .map(([kept, extra, complete]) => [...(complete ? entries : kept), ...extra])
      }),
    },
    { weight: 1, arbitrary: fc.array(bogusParam, { minLength: 1, maxLength: 4 }) },
  )

  const bodyValues = arbitraryOf(route.bodySchema)
  const body: fc.Arbitrary<Body> =
    bodyValues === undefined
      ? fc.constant({ _tag: "none" } as const)
      : fc.oneof(
          {
            weight: 4,
            arbitrary: fc.record({ _tag: fc.constant("valid" as const), value: bodyValues, salt: fc.nat() }),
          },
          {
            weight: 8,
            arbitrary: fc.record({
              _tag: fc.constant("mutated" as const),
              value: bodyValues,
              salt: fc.nat(),
              mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
            }),
          },
          {
            weight: 2,
            arbitrary: fc.record({ _tag: fc.constant("raw" as const), text: fc.constantFrom(...malformedJson) }),
          },
          {
            weight: 1,
            arbitrary: fc.record({
              _tag: fc.constant("random-json" as const),
              value: fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
            }),
          },
        )

  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant("application/json") },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        undefined,
        "",
        "text/plain",
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "application/problem+json",
        "application/merge-patch+json",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz",
        "application/jsonx",
        "application/json, text/plain",
        "json",
        "*/*",
        "application/\xe9",
      ),
    },
  )

  const ifMatch = fc.oneof(
    { weight: 5, arbitrary: fc.constant({ _tag: "current" } as const) },
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          fc.nat({ max: 40 }).map((n) => `"${n}"`),
          fc.constantFrom(
            "*",
            'W/"1"',
            '"0"',
            '"-1"',
            '"1.5"',
            '"1e3"',
            '"99999999999999999999999"',
            "1",
            '""',
            '"abc"',
            '"1", "2"',
            " ",
            `"${"9".repeat(400)}"`,
          ),
        )
        .map((value) => ({ _tag: "value", value }) as const),
    },
    { weight: 2, arbitrary: fc.constant(undefined) },
  )

  const idempotencyKey = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.stringMatching(/^[\x21-\x7e]{1,40}$/).map((value) => ({ _tag: "value", value }) as const),
    },
    { weight: 2, arbitrary: fc.nat({ max: 30 }).map((pick) => ({ _tag: "reuse", pick }) as const) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom("", " ", "a b", "k\u00e9y", "\t", "x".repeat(256), "x".repeat(255), "k\x7f")
        .map((value) => ({ _tag: "value", value }) as const),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  )

  const method = fc.oneof(
    { weight: 30, arbitrary: fc.constant(route.method.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS") },
  )

  return fc.record({
    route: fc.constant(route),
    method,
    params,
    query,
    body,
    contentType,
    ifMatch,
    idempotencyKey,
    who: fc.nat(),
    language: orUndefined(fc.constantFrom("sq", "sr-Latn", "sr-Cyrl", "en", "de", "*", "sq;q=abc", "\xe9"), 7),
  })
}

// -- the run -----------------------------------------------------------------------

/** A small deterministic generator for choices made when a request is sent. */
const random = (salt: number) => {
  let state = salt >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 4_294_967_296
  }
}

const pick = <A>(pool: ReadonlyArray<A>, n: number): A | undefined => pool[n % Math.max(1, pool.length)]

/** Percent-encodes a path segment; lone surrogates (which encodeURIComponent refuses) as invalid UTF-8. */
const segment = (value: string): string => {
  let out = ""
  for (const char of value) {
    const code = char.codePointAt(0) as number
    out += code >= 0xd800 && code <= 0xdfff ? "%ED%A0%80" : encodeURIComponent(char)
  }
  return out
}

/** Replaces, now and then, an id in a generated body by one the demo holds, so requests reach the domain. */
const withKnownIds = (value: Tree, salt: number, key = ""): Tree => {
  const next = random(salt)
  const walk = (node: Tree, name: string): Tree => {
    if (typeof node === "string") {
      if (name === "municipality" && next() < 0.7) return "GJI"
      if (!ulidPattern.test(node) || next() < 0.3) return node
      const pool = pools.get(name) ?? pools.get(`${name}Id`) ?? pools.get("*") ?? []
      return pick(pool, Math.floor(next() * 1_000)) ?? node
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, singular(name)))
    if (isContainer(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]))
    return node
  }
  return walk(value, key)
}

interface Sent {
  readonly path: string
  readonly init: { method: string; headers: Record<string, string>; body?: string }
}

const usedKeys: Array<string> = []

const build = (spec: Spec, tokens: ReadonlyArray<string>): Sent => {
  const values: Record<string, string> = {}
  let path = spec.route.path
  for (const name of paramNames(spec.route.path)) {
    const piece = spec.params[name] as Piece
    const value =
      piece._tag === "known"
        ? (pick(pools.get(name) ?? pools.get("*") ?? [], piece.pick) ?? "01ARZ3NDEKTSV4RRFFQ69G5FAV")
        : piece.value
    values[name] = value
    path = path.replace(`:${name}`, segment(value))
  }
  if (spec.query !== "none" && spec.query.length > 0) {
    path += `?${spec.query.map(([key, value]) => `${segment(key)}=${segment(value)}`).join("&")}`
  }

  const headers: Record<string, string> = {}
  const token = tokens[spec.who % tokens.length]
  if (token !== undefined) headers.authorization = `Bearer ${token}`
  if (spec.language !== undefined) headers["accept-language"] = spec.language
  if (spec.ifMatch !== undefined) {
    const first = Object.values(values)[0]
    headers["if-match"] =
      spec.ifMatch._tag === "value" ? spec.ifMatch.value : `"${(first && versions.get(first)) ?? 1}"`
  }
  if (spec.idempotencyKey !== undefined) {
    const key =
      spec.idempotencyKey._tag === "reuse"
        ? (pick(usedKeys, spec.idempotencyKey.pick) ?? "k")
        : spec.idempotencyKey.value
    headers["idempotency-key"] = key
    if (spec.idempotencyKey._tag === "value") usedKeys.push(key)
  }

  let body: string | undefined
  switch (spec.body._tag) {
    case "none":
      break
    case "valid":
      body = serialize(withKnownIds(spec.body.value, spec.body.salt))
      break
    case "mutated":
      body = serialize(mutate(withKnownIds(spec.body.value, spec.body.salt), spec.body.mutations))
      break
    case "raw":
      body = spec.body.text
      break
    case "random-json":
      body = serialize(spec.body.value)
      break
  }
  if (spec.method === "GET" || spec.method === "OPTIONS") body = undefined
  if (body !== undefined && spec.contentType !== undefined) headers["content-type"] = spec.contentType
  return { path, init: { method: spec.method, headers, ...(body === undefined ? {} : { body }) } }
}

const describeSpec = (spec: Spec, sent: Sent) =>
  JSON.stringify({
    operationId: spec.route.operationId,
    method: sent.init.method,
    path: sent.path.slice(0, 300),
    headers: Object.fromEntries(Object.entries(sent.init.headers).filter(([key]) => key !== "authorization")),
    body: sent.init.body?.slice(0, 600),
  })

const sqlite = databases.filter((db) => db.name === "sqlite")

for (const db of sqlite) {
  describe.skipIf(db.skip)(`fuzzing every route (${db.name})`, () => {
    let gateway: Gateway
    let tokens: ReadonlyArray<string> = []
    let mechanismId: Id.MechanismId
    // The seeded database, copied afresh for each route's run.
    const directory = mkdtempSync(join(tmpdir(), "bashke-fuzz-"))
    const seededFile = join(directory, "seeded.db")

    beforeAll(async () => {
      gateway = await makeGateway(db)
      const seeded = await gateway.runtime.runPromise(seed)
      mechanismId = seeded.mechanismId
      remember("mechanismId", mechanismId)
      for (const institution of Object.values(institutions)) remember("institution", institution.id)
      const people: ReadonlyArray<PersonName> = [
        "caseManager",
        "policeOfficer",
        "shelterWorker",
        "nurse",
        "coordinator",
        "teacher",
        "advocate",
      ]
      tokens = await Promise.all(people.map((name) => gateway.tokenFor(principal(name, mechanismId))))
      const caseManager = tokens[0] as string
      for (const demo of Object.values(seeded.cases ?? {})) {
        remember("caseId", demo.caseId)
        remember("personId", demo.victim)
        versions.set(demo.caseId, demo.version)
        for (const token of [caseManager, tokens[1] as string, tokens[6] as string]) {
          const response = await gateway.request("GET", `/v1/cases/${demo.caseId}`, { token })
          if (response.ok) harvest(await response.json(), "cases")
        }
      }
      keepKnown()
      await gateway.runtime.runPromise(
        // A file name from mkdtemp holds no quote; VACUUM INTO takes no bound parameter here.
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(`VACUUM INTO '${seededFile}'`)).pipe(Effect.orDie),
      )
    })

    afterAll(async () => {
      await gateway?.close()
      rmSync(directory, { recursive: true, force: true })
    })

    /** A gateway over a fresh copy of the seeded database (its tokens included). */
    const gatewayOverSeeded = async (name: string): Promise<Gateway> => {
      const file = join(directory, `${name}.db`)
      copyFileSync(seededFile, file)
      return makeGateway({ name: "sqlite", layer: Layer.orDie(Database.layer(`sqlite:${file}`)), skip: undefined })
    }

    it("finds personal values in the demo to watch for", () => {
      expect(personalValues).toEqual(expect.arrayContaining(["Arta", "Demaj", "1190000001", "+383 44 000 101"]))
      expect(personalValues.length).toBeGreaterThanOrEqual(15)
    })

    // What the fuzzer found first: describing why 20,000 nested arrays are not a
    // case overflowed the stack, and the gateway answered 500.
    it("refuses a body nested deeper than any schema with a problem, not a 500", async () => {
      for (const rawBody of [
        `${"[".repeat(20_000)}1${"]".repeat(20_000)}`,
        `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`,
      ]) {
        const response = await gateway.request("POST", "/v1/cases", { token: tokens[1] as string, rawBody })
        expect(response.status).toBe(422)
        expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/)
        expect(await response.json()).toMatchObject({ field: "input", location: "body", rule: "gateway.input.invalid" })
      }
    })

    it(`answers ${runsPerRoute} generated requests per route below 500, with problems that carry no personal data`, async () => {
      const statuses = new Map<number, number>()
      const perRoute = new Map<string, number>()
      let sent = 0
      let echoedKeys = 0
      // Each answer's operation, status, problem type and rule, route by route in
      // the table's order: compared with the corpus's answers as recorded.
      const answers: Array<string> = []
      const logs: Array<App.RequestLogLine> = []
      const started = performance.now()
      const answer = async (fuzzed: Gateway, spec: Spec) => {
        const request = build(spec, tokens)
        sent += 1
        perRoute.set(spec.route.operationId, (perRoute.get(spec.route.operationId) ?? 0) + 1)
        const response = await fuzzed.app.request(request.path, request.init)
        const text = await response.text()
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
        answers.push(answerLine(spec.route.operationId, response.status, text))
        const context = `${response.status} ${text.slice(0, 400)} ← ${describeSpec(spec, request)}`

        expect(response.status, context).toBeLessThan(500)
        if (response.status >= 400) {
          expect(response.headers.get("content-type"), context).toMatch(/^application\/problem\+json/)
          const problem = JSON.parse(text) as { type?: unknown; title?: unknown; status?: unknown }
          expect(typeof problem.type, context).toBe("string")
          expect(problem.type as string, context).toMatch(/^https:\/\/bashke\.org\/problems\/[a-z-]+$/)
          expect(typeof problem.title, context).toBe("string")
          expect((problem.title as string).length, context).toBeGreaterThan(0)
          expect(problem.status, context).toBe(response.status)
        }
        if (!response.ok) {
          // A refusal names the offending field by its path, and an unknown
          // key's path is the key the client sent: echoed back to its sender,
          // never taken from what is stored. Anything else must be clean.
          const { field, ...rest } = JSON.parse(text) as { field?: string }
          const sentText = `${decodeURIComponent(request.path.replace(/%ED%A0%80/g, ""))}\n${request.init.body ?? ""}`
          const fromField = leaked(field ?? "")
          if (fromField.length > 0) echoedKeys += 1
          expect(
            fromField.filter((value) => !sentText.includes(value)),
            context,
          ).toEqual([])
          expect(leaked(JSON.stringify(rest)), context).toEqual([])
          expect(leaked(text.replace(JSON.stringify(field ?? ""), "")), context).toEqual([])
        }
        if (response.ok && text.length > 0 && response.headers.get("content-type")?.includes("json")) {
          const value = JSON.parse(text) as unknown
          const collection = spec.route.path.split("/").filter((part) => part.length > 0 && !part.startsWith(":"))
          harvest(value, collection[collection.length - 1])
          const etag = response.headers.get("etag")
          const id = Object.values(request.path.match(/\/v1\/[^/]+\/([^/?]+)/)?.slice(1) ?? [])[0]
          const created = (value as { id?: unknown }).id
          const owner = id ?? (typeof created === "string" ? created : undefined)
          if (etag !== null && owner !== undefined) versions.set(owner, Number(etag.replace(/"/g, "")))
        }
      }
      for (const route of fuzzedRoutes) {
        forgetAllButKnown()
        const fuzzed = await gatewayOverSeeded(route.operationId)
        try {
          await fc.assert(
            fc.asyncProperty(requestFor(route), (spec) => answer(fuzzed, spec)),
            { seed: seedOf(route.operationId), numRuns: runsPerRoute, endOnFailure: true },
          )
        } finally {
          logs.push(...fuzzed.logs)
          await fuzzed.close()
          rmSync(join(directory, `${route.operationId}.db`), { force: true })
        }
      }

      const seconds = (performance.now() - started) / 1000
      console.log(
        `fuzz: ${sent} requests in ${seconds.toFixed(1)} s over ${perRoute.size} routes; ${echoedKeys} refusals echoed a key the client sent; statuses ${JSON.stringify(
          Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
        )}`,
      )
      expect(sent).toBe(runsPerRoute * fuzzedRoutes.length)
      if (onlyRoutes === undefined) expect(sent).toBeGreaterThanOrEqual(10_000)
      const recorded = process.env.BASHKE_FUZZ_RECORD
      if (recorded !== undefined) writeFileSync(recorded, `${answers.join("\n")}\n`)
      else if (fuzzSeed === defaultSeed) {
        const fuzzedIds = new Set(fuzzedRoutes.map((route) => route.operationId))
        const before = problemTypesBefore().filter((line) => fuzzedIds.has(line.split(" ")[0] as string))
        expect(answers.map(timeless)).toEqual(before.map(timeless))
      }
      expect(perRoute.size).toBe(fuzzedRoutes.length)
      // Some generated requests must get through, or the fuzzer only tested refusals.
      expect([...statuses].filter(([status]) => status < 300).reduce((n, [, count]) => n + count, 0)).toBeGreaterThan(0)

      // No log line names a person, and none records a defect.
      expect(leaked(JSON.stringify(logs))).toEqual([])
      expect(logs.filter((line) => line.defect !== undefined)).toEqual([])

      // Still standing: a plain read answers as before.
      const after = await gateway.request("GET", `/v1/cases?mechanismId=${mechanismId}`, { token: tokens[4] as string })
      expect(after.status).toBe(200)
    }, 600_000)
  })
}

/** One answer as a fixture line: `operationId status type rule` (`-` where an answer has none). */
const answerLine = (operationId: string, status: number, text: string): string => {
  if (status < 400) return `${operationId} ${status} - -`
  const problem = JSON.parse(text) as { type?: string; rule?: string }
  return `${operationId} ${status} ${problem.type?.replace("https://bashke.org/problems/", "") ?? "-"} ${problem.rule ?? "-"}`
}

// A sign-in's refusal depends on how fast earlier ones came (its throttle counts
// by the clock): any of the three is the same answer to the fuzzer, whether a
// wrong credential (401) or a wait (429, since the throttle answers as such).
const signInRefusal =
  /(401 unauthenticated (identity\.sign-in\.failed|identity\.passkey\.refused)|429 rate-limited identity\.sign-in\.throttled)$/
const timeless = (line: string): string => line.replace(signInRefusal, "refused identity.sign-in.refused")

/**
 * The corpus's answers, recorded on main (`BASHKE_FUZZ_RECORD=<file>` records them again), a
 * block of `runsPerRoute` lines per route in the table's order. A route's block follows only its
 * own seed and answers: a new route adds its block and leaves the others' lines as they were; a
 * changed answer changes its own route's block. Record again with the change, and say so.
 */
const problemTypesBefore = (): ReadonlyArray<string> =>
  readFileSync(new URL("./fixtures/fuzz-answers.txt", import.meta.url), "utf8")
    .trimEnd()
    .split("\n")
