import { Catalogue, JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { actionPlanMessages } from "../src/ActionPlanMessages"
import * as Framework from "../src/Framework"

describe("Framework", () => {
  it("holds the three frameworks with 3, 4 and 7 pillars", () => {
    expect(Framework.of("kosovo-local-plan").pillars).toHaveLength(3)
    expect(Framework.of("istanbul-convention").pillars).toEqual([
      "prevention",
      "protection",
      "prosecution",
      "integrated-policies",
    ])
    expect(Framework.of("inspire").pillars).toHaveLength(7)
  })

  it("labels every framework and pillar in the catalogue", () => {
    for (const framework of Object.values(Framework.frameworks)) {
      expect(Catalogue.has(actionPlanMessages, Framework.nameKey(framework.code))).toBe(true)
      for (const pillar of framework.pillars)
        expect(Catalogue.has(actionPlanMessages, Framework.pillarLabelKey(framework.code, pillar)), pillar).toBe(true)
    }
    expect(
      Catalogue.format(
        actionPlanMessages,
        "sq",
        Framework.pillarLabelKey("kosovo-local-plan", "empowerment-reintegration") as never,
      ),
    ).toBe("Fuqizimi ekonomik, rehabilitimi dhe riintegrimi")
  })

  it("defaults Kosovo's plans to the local-plan pillars, others to the Istanbul Convention", () => {
    expect(Framework.defaultFrameworkFor(JurisdictionProfile.kosovo)).toBe("kosovo-local-plan")
    expect(Framework.defaultFrameworkFor({ id: "gb" })).toBe("istanbul-convention")
  })
})
