// Runs the README's example (imports pointed at the sources) so it cannot rot.
import { expect, it } from "@effect/vitest"
import ICAL from "ical.js"
import { main } from "./readme-example"

it("the README example requests, schedules, builds the agenda and the calendar", async () => {
  const { titles, calendar } = await main()
  expect(titles).toEqual([
    "Deklarata e konfidencialitetit",
    "Shqyrtimi i rastit GJL-2026-0042: rrezik i lartë; Policia, Puna sociale; 0 veprime të hapura",
    "Të ndryshme",
  ])
  const events = new ICAL.Component(ICAL.parse(calendar)).getAllSubcomponents("vevent")
  expect(events).toHaveLength(1)
  expect(events[0]?.getFirstPropertyValue("summary")).toBe("Ванредни састанак координационог механизма")
})
