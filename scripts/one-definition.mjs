// Two small things have one definition each, and copies kept coming back
// (issue 19, item 8): the current instant is the kernel's `Instant.now`, and a
// rule's `Either` is yielded as it is (an Either is an Effect) rather than
// re-wrapped into one. Checked over every workspace's sources by
// scripts/check-architecture.mjs.

const copies = [
  {
    pattern:
      /new Date\(\s*yield\* (?:Clock\.currentTimeMillis|Effect\.clockWith\(\(?\w+\)? => \w+\.currentTimeMillis\))\s*\)|Effect\.map\(\s*(?:Test)?Clock\.currentTimeMillis,\s*\(?(\w+)\)? => new Date\(\1\)\s*\)/,
    what: "the current instant built again (use the kernel's Instant.now)",
  },
  {
    pattern:
      /onLeft:\s*(?:Effect\.fail|\((\w+)\) => Effect\.fail\(\1\)),\s*onRight:\s*(?:Effect\.succeed|\((\w+)\) => Effect\.succeed\(\2\)|\(\) => Effect\.void)\s*,?\s*\}/,
    what: "an Either re-wrapped as an Effect (yield* the Either itself)",
  },
]

/** Where the one definition lives, and may spell out what it is. */
const home = "packages/kernel/src/Instant.ts"

/**
 * The copies in `files` (`{ path, text }`, paths relative to the repository
 * root), one line each: `path:line: what`.
 * @param {ReadonlyArray<{ path: string, text: string }>} files
 * @returns {Array<string>}
 */
export const copyBreaches = (files) =>
  files.flatMap(({ path, text }) =>
    path === home
      ? []
      : copies.flatMap(({ pattern, what }) =>
          [...text.matchAll(new RegExp(pattern.source, "g"))].map(
            (match) => `${path}:${text.slice(0, match.index).split("\n").length}: ${what}`,
          ),
        ),
  )
