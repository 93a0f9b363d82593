// The plugins' admin routes: the review queue is for coordinators and
// administrators (its details may name people: reading one is audited); dead
// letters are for administrators. The matrix's gateway loads no plugin, so
// the dead-letter list is empty and a replay names an unknown plugin (404 for
// an administrator, 403 for everyone else). Resolving an item with a case
// attaches the plugin's proposal under the resolver's own access to that case:
// the demo's coordinator (the municipality) is not on the high-risk case's
// team, and an administrator acts for no institution, so both are refused.
import { CivilDate, type Municipality } from "@bashke/kernel"
import { institutions } from "../../../src/demo/World"
import * as ReviewItems from "../../../src/plugins/ReviewItems"
import { get, ok, type Scenario, statuses, type World } from "./Matrix"

let records = 0

/** A fresh review item, as a plugin would queue it; with `proposed`, proposing an incident. */
const freshReview = async (world: World, proposed = false): Promise<string> => {
  const recordId = `R-${++records}-${Date.now()}`
  const incident = {
    source: "matrix",
    recordId,
    occurredOn: CivilDate.CivilDate.make("2026-01-10"),
    municipality: "GJI" as Municipality.MunicipalityCode,
    forms: ["physical"] as const,
  }
  const submitted = await world.gateway.runtime.runPromise(
    ReviewItems.submit(
      "matrix-plugin",
      [world.mechanismId],
      {
        source: "matrix",
        recordId,
        reason: "person.uncertain",
        details: { note: "uncertain match" },
        ...(proposed ? { proposal: { _tag: "Incident" as const, incident } } : {}),
      },
      { institution: institutions.police.id },
    ),
  )
  return submitted.reviewId
}

const highRisk = (world: World) => {
  const cases = world.seeded.cases
  if (cases === undefined) throw new Error("the demo seeds cases")
  return cases.highRisk.caseId
}

const reviewers = (status: number) => statuses(403, { coordinator: status, administrator: status })

export const pluginScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "listPluginReviews",
    label: "the review queue: coordinators and administrators",
    request: get(() => "/v1/plugins/reviews"),
    expect: reviewers(ok("listPluginReviews")),
  },
  {
    operationId: "readPluginReview",
    label: "one review item with its details: coordinators and administrators",
    request: async (world) => ({ method: "POST", path: `/v1/plugins/reviews/${await freshReview(world)}/read` }),
    expect: reviewers(ok("readPluginReview")),
  },
  {
    operationId: "resolvePluginReview",
    label: "resolve a review item: coordinators and administrators",
    request: async (world) => ({
      method: "POST",
      path: `/v1/plugins/reviews/${await freshReview(world)}/resolution`,
      body: { _tag: "Dismissed" },
    }),
    expect: reviewers(ok("resolvePluginReview")),
  },
  {
    operationId: "resolvePluginReview",
    label:
      "resolve a review item with a case: its proposal needs the resolver's access to the case (none here; to an administrator, outside the mechanism, the case is not found)",
    request: async (world) => ({
      method: "POST",
      path: `/v1/plugins/reviews/${await freshReview(world, true)}/resolution`,
      body: { _tag: "Matched", caseId: highRisk(world) },
    }),
    // Administrators see every review item, but the case is of a mechanism outside their token: not found.
    expect: statuses(403, { administrator: 404 }),
  },
  {
    operationId: "listPluginDeadLetters",
    label: "the plugins' dead letters: administrators",
    request: get(() => "/v1/plugins/dead-letters"),
    expect: statuses(403, { administrator: ok("listPluginDeadLetters") }),
  },
  {
    operationId: "replayPluginDeadLetter",
    label: "replay a dead letter: administrators (no plugin loaded here: not found)",
    request: async () => ({
      method: "POST",
      path: "/v1/plugins/dead-letters/replay",
      body: { _tag: "DeadRecord", plugin: "absent", inboxId: "01KZZZZZZZZZZZZZZZZZZZZZZ9" },
    }),
    expect: statuses(403, { administrator: 404 }),
  },
]
