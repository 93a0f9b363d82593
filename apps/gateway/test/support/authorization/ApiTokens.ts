// API tokens: only an administrator lists, issues and revokes them; everyone
// else is refused (403), the stranger too. Each revocation meets a token made
// for it (by an administrator, through the route), so a refusal is the rule's
// and not a token already revoked.
import { principal } from "../../../src/demo/World"
import { ok, type Scenario, setUp, statuses, type World } from "./Matrix"

/** A connector's token for the demo's police, as an administrator asks for one. */
const connector = (world: World) => {
  const police = principal("policeOfficer", world.mechanismId)
  return {
    label: "police-connector",
    roles: ["case-worker"],
    ...(police.institution === undefined ? {} : { institution: police.institution }),
    sector: "police",
    mechanisms: [world.mechanismId],
    lifetimeDays: 30,
  }
}

const administrator = (status: number) => statuses(403, { administrator: status })

export const apiTokenScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "listApiTokens",
    label: "the API tokens: an administrator",
    request: async () => ({ method: "GET", path: "/v1/api-tokens" }),
    expect: administrator(200),
  },
  {
    operationId: "issueApiToken",
    label: "issuing an API token: an administrator",
    request: async (world) => ({ method: "POST", path: "/v1/api-tokens", body: connector(world) }),
    expect: administrator(ok("issueApiToken")),
  },
  {
    operationId: "revokeApiToken",
    label: "revoking an API token: an administrator",
    request: async (world) => {
      const made = await setUp<{ id: string }>(world, "administrator", "POST", "/v1/api-tokens", {
        body: connector(world),
      })
      return { method: "POST", path: `/v1/api-tokens/${made.body.id}/revocation` }
    },
    expect: administrator(200),
  },
]
