// The risk instruments over the seeded demo, on SQLite and PostgreSQL: any
// signed-in caller reads the instruments an assessment may use, with their
// questions and thresholds, as the case package's schema defines them — the
// one the jurisdiction's profile requires for a police report among them,
// each scorable by the case package's engine; a caller without a credential
// is refused.
import { RiskInstrument } from "@bashke/case"
import { JurisdictionProfile } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import { seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { RiskInstruments } from "../../src/routes/RiskInstruments"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: risk instrument routes`, () => {
    let gateway: Gateway
    let teacher: string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      const seeded = await gateway.runtime.runPromise(seed)
      teacher = await gateway.tokenFor(principal("teacher", seeded.mechanismId))
    })
    afterAll(() => gateway.close())

    it("answers the accepted instruments with their questions and thresholds, the profile's required ones among them", async () => {
      const response = await gateway.request("GET", "/v1/risk-instruments", { token: teacher })
      expect(response.status).toBe(200)
      const instruments = Schema.decodeUnknownSync(RiskInstruments)(await response.json())
      const ids = instruments.map((instrument) => instrument.id)
      expect(ids).toEqual(expect.arrayContaining(["dash", "xk-police-early"]))
      const profile = await gateway.runtime.runPromise(JurisdictionProfile.CurrentJurisdiction)
      for (const required of Object.values(profile.risk.requiredInstruments.value).flat())
        expect(ids).toContain(required)
      for (const instrument of instruments) {
        expect(instrument.questions.length).toBeGreaterThan(0)
        // Every "yes" scores the highest level the thresholds allow.
        const all = Object.fromEntries(instrument.questions.map((question) => [question.id, "yes" as const]))
        expect(Either.getOrThrow(RiskInstrument.evaluate(instrument, all)).level).toBe("high")
      }
    })

    it("refuses a caller without a credential", async () => {
      const response = await gateway.request("GET", "/v1/risk-instruments")
      expect(response.status).toBe(401)
    })
  })
}
