import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Effect, Either, FastCheck as fc, Schema, TestClock } from "effect"
import * as CivilDate from "../src/CivilDate"
import * as JurisdictionProfile from "../src/JurisdictionProfile"

const day = Arbitrary.make(CivilDate.CivilDate)

describe("CivilDate", () => {
  it("accepts real days only, naming the rule otherwise", () => {
    const decode = Schema.decodeUnknownEither(CivilDate.CivilDate)
    expect(decode("2024-02-29")).toEqual(Either.right("2024-02-29"))
    for (const bad of ["2025-02-29", "2025-13-01", "2025-1-01", "01.03.2025", 20250301]) {
      const result = decode(bad)
      expect(Either.isLeft(result)).toBe(true)
    }
    expect(String(Either.getLeft(decode("2025-02-30")).pipe((e) => e._tag === "Some" && e.value.message))).toContain(
      "civil-date.malformed",
    )
  })

  it("reads an instant in the jurisdiction's zone: local midnight starts the day", () => {
    // 23:30 UTC on 28 February is 00:30 on 1 March in Prishtina (UTC+1).
    expect(CivilDate.ofInstant(new Date("2025-02-28T23:30:00Z"), "Europe/Belgrade")).toBe("2025-03-01")
    expect(CivilDate.ofInstant(new Date("2025-02-28T22:30:00Z"), "Europe/Belgrade")).toBe("2025-02-28")
    expect(CivilDate.from("2025-02-28", "Europe/Belgrade")).toBe("2025-02-28")
  })

  it.effect("JurisdictionProfile.today follows the clock and the current jurisdiction", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2025-06-30T22:15:00Z"))
      expect(yield* JurisdictionProfile.today).toBe("2025-07-01")
      const utc = { ...JurisdictionProfile.kosovo, timezone: "UTC" }
      expect(
        yield* Effect.provideService(JurisdictionProfile.today, JurisdictionProfile.CurrentJurisdiction, utc),
      ).toBe("2025-06-30")
    }),
  )

  it("property: generated days decode, and string order is day order", () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(Schema.is(CivilDate.CivilDate)(a)).toBe(true)
        expect(a < b).toBe(Date.parse(a) < Date.parse(b))
        expect(CivilDate.ofInstant(new Date(`${a}T12:00:00Z`), "Europe/Belgrade")).toBe(a)
      }),
    )
  })
})
