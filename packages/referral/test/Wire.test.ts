// A referral and a directory service travel as JSON (an API answer, a stored
// idempotent response) and are described in JSON Schema (an OpenAPI document):
// their instants must encode to ISO strings and decode back to the same values.
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, FastCheck, JSONSchema, Schema } from "effect"
import * as Directory from "../src/Directory"
import * as Referral from "../src/Referral"
import { directory, institutions, sent } from "./Fixtures"

const referralJson = Schema.parseJson(Referral.Referral)
const serviceJson = Schema.parseJson(Directory.Service)

describe("Referral on the wire", () => {
  it("encodes every step's time as an ISO string and decodes it back", () => {
    const referral: Referral.Referral = {
      ...sent(new Date("2026-03-02T09:00:00Z")),
      status: "acknowledged",
      history: [
        {
          status: "sent",
          at: new Date("2026-03-02T09:00:00Z"),
          actor: { principal: sent().history[0].actor.principal, institution: institutions.socialWork },
        },
        {
          status: "acknowledged",
          at: new Date("2026-03-02T10:30:00Z"),
          actor: { principal: sent().history[0].actor.principal, institution: institutions.shelter },
        },
      ],
      version: 2,
    }
    const text = Schema.encodeSync(referralJson)(referral)
    expect(JSON.parse(text).history.map((step: { at: string }) => step.at)).toEqual([
      "2026-03-02T09:00:00.000Z",
      "2026-03-02T10:30:00.000Z",
    ])
    expect(Schema.decodeSync(referralJson)(text)).toEqual(referral)
  })

  it("round-trips any referral through JSON", () => {
    FastCheck.assert(
      FastCheck.property(Arbitrary.make(Referral.Referral), (referral) => {
        expect(Schema.decodeSync(referralJson)(Schema.encodeSync(referralJson)(referral))).toEqual(referral)
      }),
      { numRuns: 100 },
    )
  })

  it("has a JSON Schema, with the step time as a string", () => {
    const schema = JSONSchema.make(Referral.Referral) as {
      $defs: Record<string, { type?: string; properties?: Record<string, unknown> }>
    }
    expect(schema.$defs.ReferralStep?.properties?.at).toEqual({ $ref: "#/$defs/Date" })
    expect(schema.$defs.Date?.type).toBe("string")
  })
})

describe("Directory service on the wire", () => {
  it("round-trips a service with its capacity through JSON, the update time as an ISO string", () => {
    const [shelter] = directory.services
    if (shelter === undefined) throw new Error("fixture")
    const text = Schema.encodeSync(serviceJson)(shelter)
    expect(JSON.parse(text).capacity.updatedAt).toBe("2026-03-01T08:00:00.000Z")
    expect(Schema.decodeSync(serviceJson)(text)).toEqual(shelter)
  })

  it("accepts a capacity report's time as a Date or an ISO string", () => {
    const decode = Schema.decodeUnknownSync(Directory.Capacity)
    const at = new Date("2026-03-05T12:00:00Z")
    const report = { unit: "beds", available: 2, total: 12 }
    expect(decode({ ...report, updatedAt: at })).toEqual({ ...report, updatedAt: at })
    expect(decode({ ...report, updatedAt: "2026-03-05T12:00:00Z" })).toEqual({ ...report, updatedAt: at })
  })

  it("has a JSON Schema, with the capacity time as a date-time string", () => {
    const schema = JSONSchema.make(Directory.Service) as { $defs: Record<string, unknown> }
    expect(JSON.stringify(schema)).toContain('"format":"date-time"')
  })
})
