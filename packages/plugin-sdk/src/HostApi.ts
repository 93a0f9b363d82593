/**
 * The host API's version and the semver ranges plugins state against it.
 *
 * A plugin's manifest says which host API versions it supports (`hostApi:
 * "^0.1.0"`); the host starts it only when {@link hostApiVersion} satisfies
 * that range. The matcher is the subset of node-semver a manifest needs —
 * `^`, `~`, `>=`, `>`, `<=`, `<`, `=`, exact and partial versions (`0.1`,
 * `1.x`, `*`), space-joined comparators (`>=0.1.0 <0.3.0`) and `||`
 * alternatives — without pre-release tags, which the host API never carries.
 * It agrees with node-semver on that subset (a property test checks it) and
 * runs anywhere: no dependency, no `node:*`.
 */
import { Either } from "effect"

/**
 * The version of the contract this SDK implements: the hooks, the context, the
 * capability services. A plugin built against `0.1.x` states `"^0.1.0"`.
 */
export const hostApiVersion = "0.1.0"

/**
 * A version without pre-release or build tags.
 */
export interface Version {
  readonly major: number
  readonly minor: number
  readonly patch: number
}

type Operator = "<" | "<=" | ">" | ">=" | "="

interface Comparator {
  readonly operator: Operator
  readonly version: Version
}

/**
 * A parsed range: alternatives (`||`), each a conjunction of comparators. An
 * empty conjunction matches every version.
 */
export interface Range {
  readonly alternatives: ReadonlyArray<ReadonlyArray<Comparator>>
}

const versionPattern = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/
// A semver with optional pre-release and build parts: what a manifest's `version` may be.
const fullVersionPattern =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/
const partialPattern = /^v?(\*|x|X|0|[1-9]\d*)(?:\.(\*|x|X|0|[1-9]\d*)(?:\.(\*|x|X|0|[1-9]\d*))?)?$/
const comparatorPattern = /^(\^|~|>=|<=|>|<|=)?(.*)$/

/**
 * Parses `major.minor.patch` (a leading `v` is allowed); `undefined` for
 * anything else, pre-releases included.
 */
export const parseVersion = (text: string): Version | undefined => {
  const match = versionPattern.exec(text.trim())
  if (match === null) return undefined
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (![major, minor, patch].every(Number.isSafeInteger)) return undefined
  return { major, minor, patch }
}

/**
 * Whether `text` is a semantic version (pre-release and build tags allowed):
 * what a manifest's own `version` must be.
 */
export const isSemver = (text: string): boolean => fullVersionPattern.test(text)

/**
 * Orders two versions: negative, zero or positive.
 */
export const compare = (a: Version, b: Version): number =>
  a.major !== b.major ? a.major - b.major : a.minor !== b.minor ? a.minor - b.minor : a.patch - b.patch

const version = (major: number, minor: number, patch: number): Version => ({ major, minor, patch })
const at = (operator: Operator, v: Version): Comparator => ({ operator, version: v })
// Matches nothing: no version is below 0.0.0.
const nothing: ReadonlyArray<Comparator> = [at("<", version(0, 0, 0))]

const wildcard = (part: string | undefined): boolean =>
  part === undefined || part === "*" || part === "x" || part === "X"

// One comparator (`^1.2`, `>=0.1.0`, `1.x`) as plain comparators. A missing or
// wildcard part makes every later part a wildcard too, as in node-semver.
const desugar = (operator: string, text: string): ReadonlyArray<Comparator> | undefined => {
  const match = partialPattern.exec(text)
  if (match === null) return undefined
  const parts = [match[1], match[2], match[3]]
  const firstWild = parts.findIndex(wildcard)
  const defined = firstWild === -1 ? 3 : firstWild
  const [M, m, p] = parts.map((part, index) => (index < defined ? Number(part) : 0)) as [number, number, number]
  if (![M, m, p].every(Number.isSafeInteger)) return undefined
  switch (operator) {
    case "":
    case "=":
      if (defined === 0) return []
      if (defined === 1) return [at(">=", version(M, 0, 0)), at("<", version(M + 1, 0, 0))]
      if (defined === 2) return [at(">=", version(M, m, 0)), at("<", version(M, m + 1, 0))]
      return [at("=", version(M, m, p))]
    case ">=":
      return defined === 0 ? [] : [at(">=", version(M, m, p))]
    case ">":
      if (defined === 0) return nothing
      if (defined === 1) return [at(">=", version(M + 1, 0, 0))]
      if (defined === 2) return [at(">=", version(M, m + 1, 0))]
      return [at(">", version(M, m, p))]
    case "<":
      return defined === 0 ? nothing : [at("<", version(M, m, p))]
    case "<=":
      if (defined === 0) return []
      if (defined === 1) return [at("<", version(M + 1, 0, 0))]
      if (defined === 2) return [at("<", version(M, m + 1, 0))]
      return [at("<=", version(M, m, p))]
    case "~":
      if (defined === 0) return []
      if (defined === 1) return [at(">=", version(M, 0, 0)), at("<", version(M + 1, 0, 0))]
      return [at(">=", version(M, m, p)), at("<", version(M, m + 1, 0))]
    case "^":
      if (defined === 0) return []
      if (defined === 1) return [at(">=", version(M, 0, 0)), at("<", version(M + 1, 0, 0))]
      if (M > 0) return [at(">=", version(M, m, p)), at("<", version(M + 1, 0, 0))]
      if (defined === 2 || m > 0) return [at(">=", version(0, m, p)), at("<", version(0, m + 1, 0))]
      return [at(">=", version(0, 0, p)), at("<", version(0, 0, p + 1))]
    default:
      return undefined
  }
}

/**
 * Parses a range, or says what is wrong with it (the reason never repeats
 * more than the offending comparator).
 */
export const parseRange = (text: string): Either.Either<Range, string> => {
  if (text.length > 256) return Either.left("the range is longer than 256 characters")
  const alternatives: Array<ReadonlyArray<Comparator>> = []
  for (const alternative of text.split("||")) {
    // `>= 1.2.3` is `>=1.2.3`, as node-semver reads it.
    const tokens = alternative
      .trim()
      .replace(/(\^|~|>=|<=|>|<|=)\s+/g, "$1")
      .split(/\s+/)
      .filter((token) => token.length > 0)
    const comparators: Array<Comparator> = []
    for (const token of tokens) {
      const [, operator = "", rest = ""] = comparatorPattern.exec(token) ?? []
      const desugared = desugar(operator, rest)
      if (desugared === undefined) return Either.left(`"${token.slice(0, 40)}" is not a version comparator`)
      comparators.push(...desugared)
    }
    alternatives.push(comparators)
  }
  return Either.right({ alternatives })
}

const holds = (comparator: Comparator, v: Version): boolean => {
  const order = compare(v, comparator.version)
  switch (comparator.operator) {
    case "<":
      return order < 0
    case "<=":
      return order <= 0
    case ">":
      return order > 0
    case ">=":
      return order >= 0
    case "=":
      return order === 0
  }
}

/**
 * Whether `version` lies in `range`. An unparsable version or range matches
 * nothing.
 */
export const satisfies = (version: string | Version, range: string | Range): boolean => {
  const v = typeof version === "string" ? parseVersion(version) : version
  if (v === undefined) return false
  const parsed = typeof range === "string" ? parseRange(range) : Either.right(range)
  if (Either.isLeft(parsed)) return false
  return parsed.right.alternatives.some((comparators) => comparators.every((comparator) => holds(comparator, v)))
}
