// Where two plain values (JSON-like: objects, arrays, primitives) first differ,
// as a field path (`indicators.0.target`), so a refusal can name the field a
// person changed. Keys are visited in `after`'s order, then those only
// `before` has; a value on one side only is named by its first leaf (a budget
// added: `activities.2.budget.amount`); entries removed from a list name the list.

type Path = ReadonlyArray<string | number>

const join = (path: Path): string => path.join(".")

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const firstLeaf = (value: unknown, path: Path): string => {
  if (Array.isArray(value)) return value.length === 0 ? join(path) : firstLeaf(value[0], [...path, 0])
  if (isRecord(value)) {
    const key = Object.keys(value).find((each) => value[each] !== undefined)
    return key === undefined ? join(path) : firstLeaf(value[key], [...path, key])
  }
  return join(path)
}

/** @internal The path of the first place `after` differs from `before`; undefined when they are equal. */
export const firstDifference = (before: unknown, after: unknown, path: Path = []): string | undefined => {
  if (Object.is(before, after)) return undefined
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let index = 0; index < Math.max(before.length, after.length); index++) {
      if (index >= after.length) return join(path)
      const found = firstDifference(before[index], after[index], [...path, index])
      if (found !== undefined) return found
    }
    return undefined
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((key) => !(key in after))]
    for (const key of keys) {
      const found = firstDifference(before[key], after[key], [...path, key])
      if (found !== undefined) return found
    }
    return undefined
  }
  if (before === undefined) return firstLeaf(after, path)
  if (after === undefined) return firstLeaf(before, path)
  return join(path)
}
