// The program a third-party API caller would write against the types that
// openapi-typescript generates from /openapi.json, with openapi-fetch, kept as
// text: it is compiled (tsc, strict) next to the generated `schema.ts` in a
// temporary directory, then transpiled and run against the gateway. It imports
// only types, so its JavaScript needs nothing but what the test hands it.

/** What the program runs with: the gateway's `fetch`, a token per actor, the world's ids. */
export interface Setting {
  readonly fetch: (request: Request) => Promise<Response>
  readonly tokens: { readonly police: string; readonly shelter: string; readonly coordinator: string }
  readonly mechanismId: string
  readonly shelterInstitution: string
}

/** What the program reports back. */
export interface Outcome {
  readonly caseId: string
  readonly referralId: string
  readonly serviceId: string
  readonly statuses: ReadonlyArray<string>
  readonly etags: ReadonlyArray<string>
}

export const program = `
import type createClient from "openapi-fetch"
import type { components, paths } from "./schema"

type Referral = components["schemas"]["Referral"]

export interface Setting {
  readonly fetch: (request: Request) => Promise<Response>
  readonly tokens: { readonly police: string; readonly shelter: string; readonly coordinator: string }
  readonly mechanismId: string
  readonly shelterInstitution: string
}

let keys = 0
const key = (): string => \`generated-client-\${Date.now()}-\${++keys}\`

const etagOf = (response: Response): string => {
  const etag = response.headers.get("ETag")
  if (etag === null) throw new Error(\`no ETag on \${response.url}\`)
  return etag
}

const ok = <T>(result: { data?: T; error?: unknown; response: Response }): T => {
  if (result.data === undefined) throw new Error(\`\${result.response.status}: \${JSON.stringify(result.error)}\`)
  return result.data
}

export const run = async (create: typeof createClient, setting: Setting) => {
  const as = (token: string) =>
    create<paths>({
      baseUrl: "http://gateway.test",
      fetch: setting.fetch,
      headers: { Authorization: \`Bearer \${token}\`, "Accept-Language": "en" },
    })
  const police = as(setting.tokens.police)
  const shelter = as(setting.tokens.shelter)
  const coordinator = as(setting.tokens.coordinator)

  // The shelter's service in the directory: the demo's, or registered now.
  const listed = ok(
    await coordinator.GET("/v1/services", {
      params: { query: { institution: setting.shelterInstitution, active: "true" } },
    }),
  )
  let serviceId = listed.items[0]?.id
  if (serviceId === undefined) {
    const organizations = ok(await coordinator.GET("/v1/organizations", {}))
    if (!organizations.items.some((organization) => organization.institution === setting.shelterInstitution)) {
      ok(
        await coordinator.POST("/v1/organizations", {
          params: { header: { "Idempotency-Key": key() } },
          body: { institution: setting.shelterInstitution, sector: "shelter", name: "Strehimorja Gjilan" },
        }),
      )
    }
    const location = ok(
      await coordinator.POST("/v1/locations", {
        params: { header: { "Idempotency-Key": key() } },
        body: { institution: setting.shelterInstitution, name: "Confidential shelter", municipality: "GJI" },
      }),
    )
    const service = ok(
      await coordinator.POST("/v1/services", {
        params: { header: { "Idempotency-Key": key() } },
        body: {
          institution: setting.shelterInstitution,
          name: "Emergency shelter",
          type: "shelter",
          municipality: "GJI",
          languages: ["sq", "sr-Latn"],
          locations: [location.id],
          active: true,
        },
      }),
    )
    serviceId = service.id
  }

  // 1. Create a case.
  const created = await police.POST("/v1/cases", {
    params: { header: { "Idempotency-Key": key() } },
    body: {
      mechanismId: setting.mechanismId,
      municipality: "GJI",
      persons: [
        { role: "victim", sex: "female", birthYear: 1993 },
        { role: "alleged-perpetrator", sex: "male", birthYear: 1990, relationship: { kind: "married", time: "current" } },
      ],
    },
  })
  const aCase = ok(created)
  const victim = aCase.persons.find((person) => person.role === "victim")
  if (victim === undefined) throw new Error("the case has no victim")

  // The survivor consents to a referral to the shelter.
  const consented = await police.POST("/v1/cases/{caseId}/consents", {
    params: {
      path: { caseId: aCase.id },
      header: { "Idempotency-Key": key(), "If-Match": etagOf(created.response) },
    },
    body: {
      givenBy: victim.id,
      institutions: [setting.shelterInstitution],
      purposes: ["referral"],
      method: "signed-form",
    },
  })
  const consent = ok(consented)

  // 2. Refer.
  const sent = await police.POST("/v1/referrals", {
    params: { header: { "Idempotency-Key": key() } },
    body: {
      case: aCase.id,
      service: serviceId,
      reason: "safe-accommodation",
      basis: { _tag: "Consent", consent: consent.id },
    },
  })
  const referral: Referral = ok(sent)

  // 3. The shelter acknowledges, on the version it read.
  const acknowledged = await shelter.POST("/v1/referrals/{referralId}/acknowledgement", {
    params: {
      path: { referralId: referral.id },
      header: { "Idempotency-Key": key(), "If-Match": etagOf(sent.response) },
    },
  })
  const after: Referral = ok(acknowledged)

  return {
    caseId: aCase.id,
    referralId: referral.id,
    serviceId,
    statuses: [referral.status, after.status],
    etags: [etagOf(sent.response), etagOf(acknowledged.response)],
  }
}
`

/** A caller's mistake the generated types must catch: a case without persons, a municipality that is no code. */
export const mistaken = `
import type createClient from "openapi-fetch"
import type { paths } from "./schema"

export const run = (create: typeof createClient) => {
  const client = create<paths>({ baseUrl: "http://gateway.test" })
  return [
    client.POST("/v1/cases", {
      params: { header: { "Idempotency-Key": "k" } },
      body: { mechanismId: "m", municipality: "GJI" },
    }),
    client.POST("/v1/cases", {
      params: { header: { "Idempotency-Key": "k" } },
      body: { mechanismId: "m", municipality: "Gjilan", persons: [] },
    }),
  ]
}
`
