// An instant as the case records it: a `Date`, encoded as an ISO string, within
// years 1900–9999. The bound keeps calendar arithmetic (deadlines, windows) away
// from the edges of JavaScript's date range, where a "year 275759" would break
// it; no case event happens outside it. Generated values fall in 2000–2100.
import { Schema } from "effect"

const min = Date.UTC(1900, 0, 1)
const max = Date.UTC(10_000, 0, 1)

/** @internal */
export const Instant = Schema.Date.pipe(
  Schema.filter((date) => date.getTime() >= min && date.getTime() < max, {
    identifier: "CaseInstant",
    description: "an instant between the years 1900 and 9999, ISO 8601",
    message: () => "case.date.out-of-range",
    arbitrary: () => (fc) =>
      fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  }),
)
