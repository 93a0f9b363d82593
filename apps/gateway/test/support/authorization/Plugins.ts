// The plugins' admin routes: the review queue is for coordinators and
// administrators (its details may name people: reading one is audited); dead
// letters are for administrators. The matrix's gateway loads no plugin, so
// the dead-letter list is empty and a replay names an unknown plugin (404 for
// an administrator, 403 for everyone else).
import * as ReviewItems from "../../../src/plugins/ReviewItems"
import { get, ok, type Scenario, statuses, type World } from "./Matrix"

let records = 0

/** A fresh review item, as a plugin would queue it. */
const freshReview = async (world: World): Promise<string> => {
  const submitted = await world.gateway.runtime.runPromise(
    ReviewItems.submit("matrix-plugin", [world.mechanismId], {
      source: "matrix",
      recordId: `R-${++records}-${Date.now()}`,
      reason: "person.uncertain",
      details: { note: "uncertain match" },
    }),
  )
  return submitted.reviewId
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
