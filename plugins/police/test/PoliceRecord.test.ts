// Decoding names the field, never the value.

import { PlainDecoder } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck, Schema } from "effect"
import { PoliceRecord } from "../src/index"
import { report } from "./support/FakePolice"

describe("PoliceRecord.decode", () => {
  it("is covered by the compiled checks (the import's fast path), not left to Effect's interpreter", () => {
    const checks = PlainDecoder.checksOf(PoliceRecord.PoliceRecord)
    expect(checks?.(report(1))?.value).toEqual(
      Either.getOrThrow(Schema.decodeUnknownEither(PoliceRecord.PoliceRecord)(report(1))),
    )
  })

  it("decodes the documented record", () => {
    expect(Either.isRight(PoliceRecord.decode(report(1)))).toBe(true)
  })

  it("names the field in kebab case", () => {
    expect(PoliceRecord.decode({ ...report(1), occurredOn: "2026-02-30" })).toEqual(Either.left("occurred-on"))
    expect(PoliceRecord.decode({ ...report(1), forms: [] })).toEqual(Either.left("forms.0"))
    expect(PoliceRecord.decode({ ...report(1), forms: ["Physical"] })).toEqual(Either.left("forms.0"))
    expect(PoliceRecord.decode({ ...report(1), reportedAt: "yesterday" })).toEqual(Either.left("reported-at"))
    expect(PoliceRecord.decode({ ...report(1), municipality: undefined })).toEqual(Either.left("municipality"))
    expect(PoliceRecord.decode("not a record")).toEqual(Either.left("record"))
  })

  it("never quotes the value it refused", () => {
    const fields = ["personalNumber", "birthDate", "sex"] as const
    FastCheck.assert(
      FastCheck.property(
        FastCheck.constantFrom(...fields),
        FastCheck.string({ minLength: 3 }).filter((text) => /[^0-9A-Za-z]/.test(text)),
        (field, value) => {
          const base = report(1)
          const result = PoliceRecord.decode({ ...base, victim: { ...base.victim, [field]: value } })
          // Only our own characters: the value (with a character outside them) cannot be in it.
          expect(result).toEqual(Either.left(`victim.${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`))
        },
      ),
    )
  })
})
