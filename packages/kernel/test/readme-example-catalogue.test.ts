// The README's "message catalogue" example, imports pointed at the sources: a package's
// messages, merged as the application does, checked as the package's tests do.
import { expect, it } from "vitest"
import { Catalogue, kernelMessages } from "../src/index"

const caseMessages = Catalogue.make({
  "case.persons.count": {
    sq: "{count, plural, one {# person} other {# persona}}",
    "sr-Latn": "{count, plural, one {# osoba} few {# osobe} other {# osoba}}",
    en: "{count, plural, one {# person} other {# people}}",
    // "sr-Cyrl" left out: derived from sr-Latn (literal text only)
  },
})

// in the application: a duplicate key throws at start-up
const messages = Catalogue.merge(kernelMessages, caseMessages)

// in the package's tests: fails on a missing translation, a message that does not
// parse, placeholders that differ between languages, or a missing plural form
it("the package's messages are complete", () => {
  expect(Catalogue.check(caseMessages).map(Catalogue.describeProblem)).toEqual([])
  expect(Catalogue.format(messages, "sr-Cyrl", "case.persons.count", { count: 3 })).toBe("3 особе")
})

it("a duplicate key throws when the catalogues are merged", () => {
  expect(() => Catalogue.merge(messages, caseMessages)).toThrow(/case\.persons\.count/)
})
