// Issue 20, item 8: a list item names its own id `id`, as the single read of
// the same resource does (`GET /v1/cases` listed `caseId` while
// `GET /v1/cases/{caseId}` answered `id`). This walks every list the document
// describes — a JSON array, or a page's `items` — and refuses an item without
// an `id` (unless its list is one of the few below whose items are not things
// of their own, each with its reason), and an item carrying its resource's id
// under the resource's name (`caseId` in the list of cases, or of closed
// cases). Ids of other things keep their names: a referral's `caseId` is its
// case's.
import { describe, expect, it } from "@effect/vitest"
import * as OpenApi from "../src/OpenApi"
import { routes } from "../src/Routes"

type Json = Record<string, unknown>
interface Document {
  readonly paths: Record<string, Record<string, { readonly responses: Record<string, Json> }>>
  readonly components?: { readonly schemas?: Record<string, Json> }
}

const resolve = (document: Document, schema: Json): Json => {
  const ref = schema.$ref
  return typeof ref === "string" ? (document.components?.schemas?.[ref.split("/").pop()!] ?? {}) : schema
}

/** Lists whose items have no id of their own, and why: nothing else may list items without an `id`. */
const withoutId: Readonly<Record<string, string>> = {
  "/v1/meetings/{meetingId}/agenda":
    "an agenda's items are about other things (a case, a referral, an action item, a topic), each named by what it is",
  "/v1/organizations": "an organization is its institution: `institution` is its id (HSDS's organization)",
  "/v1/mechanisms/{mechanismId}/memoranda":
    "a memorandum's versions: `memorandumId` is shared by the versions of one memorandum, told apart by `version`",
  "/v1/mechanisms/{mechanismId}/referrals/overdue": "an overdue step (`step`) of a referral (`referral`)",
  "/v1/plugins/dead-letters":
    "an inbox record (`inboxId`) or an event's delivery (`subscription`, `eventId`), as the replay route takes them",
  "/v1/me/worklist": "what is due, by a `key` made from it: nothing stored",
  "/v1/audit/cases/{caseId}/entries": "audit entries are named by their place in the hash chain, `seq`",
  "/v1/audit/persons/{personId}/entries": "audit entries are named by their place in the hash chain, `seq`",
}

const camel = (words: string) => words.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())

const singular = (word: string) =>
  word.endsWith("ies")
    ? `${word.slice(0, -3)}y`
    : word.endsWith("a") && word !== "agenda"
      ? `${word.slice(0, -1)}um`
      : word.endsWith("s")
        ? word.slice(0, -1)
        : word

/**
 * The names a listed resource's own id would wrongly go by:
 * `/v1/mechanisms/{mechanismId}/closed-cases` → `closedCaseId`, `caseId`.
 */
const ownIdNames = (path: string): ReadonlyArray<string> => {
  const last = path
    .split("/")
    .filter((segment) => segment !== "" && !segment.startsWith("{") && !segment.startsWith(":"))
    .pop()
  if (last === undefined) return []
  const whole = singular(last)
  return [...new Set([`${camel(whole)}Id`, `${whole.split("-").pop()}Id`])]
}

/** The object schemas of a list answer's items (each member of a union of items). */
const listItems = (document: Document, answer: Json): ReadonlyArray<Json> => {
  const resolved = resolve(document, answer)
  const items =
    resolved.type === "array"
      ? resolved.items
      : (resolve(document, ((resolved.properties ?? {}) as Record<string, Json>).items ?? {}) as Json).items
  if (typeof items !== "object" || items === null) return []
  const item = resolve(document, items as Json)
  const members = [item.anyOf, item.oneOf].find(Array.isArray) as Array<Json> | undefined
  return (members ?? [item]).map((member) => resolve(document, member))
}

/** The list answers of `document`: each `GET path` with its items' object schemas. */
const lists = (document: Document): ReadonlyArray<readonly [string, ReadonlyArray<Json>]> =>
  Object.entries(document.paths).flatMap(([path, methods]) => {
    const answer = (methods.get?.responses["200"]?.content as Record<string, { schema: Json }> | undefined)?.[
      "application/json"
    ]?.schema
    const items = answer === undefined ? [] : listItems(document, answer)
    return items.length === 0 ? [] : [[path, items] as const]
  })

/** Each list whose items name their own id otherwise than `id`. */
const misnamed = (document: Document): ReadonlyArray<string> =>
  lists(document).flatMap(([path, items]) =>
    items.flatMap((item) => {
      // An exception's items are named by what they are about (its reason says what).
      if (withoutId[path] !== undefined) return []
      const properties = (item.properties ?? {}) as object
      const named = ownIdNames(path).filter((name) => Object.hasOwn(properties, name))
      if (named.length > 0) return [`GET ${path}: items call their own id \`${named[0]}\`, not \`id\``]
      if (!Object.hasOwn(properties, "id") && withoutId[path] === undefined)
        return [`GET ${path}: items without \`id\``]
      return []
    }),
  )

describe("OpenAPI list items", () => {
  const document = OpenApi.document(routes) as unknown as Document

  it("name their own id `id` in every list the API returns", () => {
    // The walk reaches the lists: cases, closed cases, notes, referrals, meetings, people, …
    const paths = lists(document).map(([path]) => path)
    expect(paths.length).toBeGreaterThan(30)
    expect(paths).toEqual(expect.arrayContaining(["/v1/cases", "/v1/mechanisms/{mechanismId}/closed-cases"]))
    expect(misnamed(document)).toEqual([])
  })

  it("leaves out only lists the API has (the exceptions cannot outlive their lists)", () => {
    expect(Object.keys(withoutId).filter((path) => !(path in document.paths))).toEqual([])
  })

  it("finds an item that calls its own id by its resource's name, or has none", () => {
    expect(ownIdNames("/v1/cases")).toEqual(["caseId"])
    expect(ownIdNames("/v1/mechanisms/{mechanismId}/closed-cases")).toEqual(["closedCaseId", "caseId"])
    expect(ownIdNames("/v1/mechanisms/{mechanismId}/action-items")).toEqual(["actionItemId", "itemId"])
    expect(ownIdNames("/v1/mechanisms/{mechanismId}/memoranda")).toEqual(["memorandumId"])
    expect(ownIdNames("/v1/audit/cases/{caseId}/entries")).toEqual(["entryId"])
    const page = (path: string, item: Json): Document => ({
      paths: {
        [path]: {
          get: {
            responses: {
              "200": {
                content: {
                  "application/json": { schema: { type: "object", properties: { items: { $ref: "#/x/Item" } } } },
                },
              },
            },
          },
        },
      },
      components: { schemas: { Item: { type: "array", items: item } } },
    })
    const summary = (id: string) => ({ type: "object", properties: { [id]: { type: "string" }, reference: {} } })
    expect(misnamed(page("/v1/cases", summary("caseId")))).toEqual([
      "GET /v1/cases: items call their own id `caseId`, not `id`",
    ])
    expect(misnamed(page("/v1/mechanisms/{mechanismId}/closed-cases", summary("caseId")))).toEqual([
      "GET /v1/mechanisms/{mechanismId}/closed-cases: items call their own id `caseId`, not `id`",
    ])
    expect(misnamed(page("/v1/things", summary("reference")))).toEqual(["GET /v1/things: items without `id`"])
    expect(misnamed(page("/v1/cases", summary("id")))).toEqual([])
    // A referral's case is named by what it is.
    expect(misnamed(page("/v1/referrals", { type: "object", properties: { id: {}, caseId: {} } }))).toEqual([])
  })
})
