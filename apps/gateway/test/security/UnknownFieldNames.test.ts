// Finding 11 of the outside review: `{"purpose": "case-management", "Arta": 1}`
// answered 422 with `"field": "Arta"`, and unknown query names and nested keys
// came back the same way. A key the client made up may be data (a name, a
// personal number), so a refusal names a field only by the names the route's
// schema declares: an unknown key is reported at its parent's path, or as
// `input` (the whole body or query) when it sits at the top.
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck, Schema } from "effect"
import { seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import * as RequestInput from "../../src/RequestInput"
import { databases, makeGateway } from "../support/Gateway"
import { counts } from "../support/Rows"

const [db] = databases
if (db === undefined) throw new Error("the test databases include SQLite")

describe("a refusal never echoes a name the schema does not declare", () => {
  it("a top-level body key, a nested key and a query name, through HTTP", async () => {
    const gateway = await makeGateway(db)
    try {
      const seeded = await gateway.runtime.runPromise(seed)
      const token = await gateway.tokenFor(principal("caseManager", seeded.mechanismId))
      const highRisk = seeded.cases?.highRisk
      if (highRisk === undefined) throw new Error("the demo seeds the high-risk case")
      const before = await counts(gateway, ["cases", "persons", "audit_log"])

      const topLevel = await gateway.request(
        "POST",
        `/v1/cases/${highRisk.caseId}/persons/${highRisk.victim}/details/read`,
        { token, body: { purpose: "case-management", Arta: 1 } },
      )
      expect(topLevel.status).toBe(422)
      const topText = await topLevel.text()
      expect(JSON.parse(topText)).toMatchObject({
        rule: "gateway.input.unknown-field",
        field: "input",
        location: "body",
      })
      expect(topText).not.toContain("Arta")

      const nested = await gateway.request("POST", "/v1/cases", {
        token,
        body: {
          mechanismId: seeded.mechanismId,
          municipality: "GJI",
          persons: [{ role: "victim", sex: "female", birthYear: 1990, Demaj: "x", details: { givenName: "Lirie" } }],
        },
      })
      expect(nested.status).toBe(422)
      const nestedText = await nested.text()
      expect(JSON.parse(nestedText)).toMatchObject({
        rule: "gateway.input.unknown-field",
        field: "persons.0",
        location: "body",
      })
      expect(nestedText).not.toContain("Demaj")
      expect(nestedText).not.toContain("Lirie")

      const query = await gateway.request("GET", `/v1/cases?mechanismId=${seeded.mechanismId}&Arta=1`, { token })
      expect(query.status).toBe(422)
      const queryText = await query.text()
      expect(JSON.parse(queryText)).toMatchObject({
        rule: "gateway.input.unknown-field",
        field: "input",
        location: "query",
      })
      expect(queryText).not.toContain("Arta")
      expect(await counts(gateway, ["cases", "persons", "audit_log"])).toEqual(before)
    } finally {
      await gateway.close()
    }
  })

  it("for any made-up key, at any depth, the field is a declared path", () => {
    const schema = Schema.Struct({
      purpose: Schema.String,
      person: Schema.Struct({ details: Schema.Struct({ givenName: Schema.String }) }),
      tags: Schema.Array(Schema.Struct({ code: Schema.String })),
      notes: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Number })),
    })
    const decode = RequestInput.decoder(schema, "body")
    const declared = new Set(["purpose", "person", "details", "givenName", "tags", "code", "notes"])
    const valid = { purpose: "p", person: { details: { givenName: "g" } }, tags: [{ code: "c" }] }
    const made = FastCheck.string({ minLength: 1, maxLength: 12 }).filter(
      (key) => !declared.has(key) && key !== "__proto__" && !/^\d+$/.test(key),
    )
    FastCheck.assert(
      FastCheck.property(made, FastCheck.constantFrom(0, 1, 2, 3), (key, depth) => {
        const body = structuredClone(valid) as {
          person: { details: Record<string, unknown> } & Record<string, unknown>
          tags: Array<Record<string, unknown>>
        } & Record<string, unknown>
        const at = [body, body.person, body.person.details, body.tags[0]][depth] as Record<string, unknown>
        at[key] = 1
        const refused = decode(body)
        expect(Either.isLeft(refused)).toBe(true)
        if (Either.isLeft(refused)) {
          const field = refused.left.error.field
          expect(["input", "person", "person.details", "tags.0"]).toContain(field)
          expect(field.split(".")).not.toContain(key)
        }
        // A key of a record is data too: a wrong value under it names only the record.
        const recorded = decode({ ...valid, notes: { [key]: "not a number" } })
        if (Either.isLeft(recorded)) expect(recorded.left.error.field).toBe("notes")
      }),
    )
  })
})
