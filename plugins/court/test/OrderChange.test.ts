// The record format: decoding, the translation to the host's update, and the
// failure codes of malformed changes — examples and properties.
import { ProtectionOrderSync } from "@bashke/plugin-sdk"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, FastCheck, Schema } from "effect"
import { ChangesWebhook, OrderChange } from "../src/index"
import { change } from "./support/Changes"

const decode = (payload: unknown) => Effect.runSyncExit(OrderChange.decode(payload))
const codeOf = (payload: unknown): string | undefined => {
  const exit = decode(payload)
  return Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error.code : undefined
}

const fields = ["changeId", "orderReference", "caseId", "status", "decidedAt", "orderKind", "expiresAt", "hearingAt"]
const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)

describe("OrderChange", () => {
  it("decodes a change and makes the host's update from it", () => {
    const exit = decode(change("CHG-1", { hearingAt: "2026-03-10T08:00:00.000+01:00" }))
    expect(Exit.isSuccess(exit)).toBe(true)
    if (Exit.isFailure(exit)) return
    expect(OrderChange.toOrderUpdate("court", exit.value)).toEqual({
      source: "court",
      recordId: "CHG-1",
      orderReference: "C-1234/2026",
      caseId: "01JC0000000000000000000001",
      status: "issued",
      at: new Date("2026-03-01T09:30:00Z"),
      kind: "protection-order",
      expiresAt: new Date("2026-08-31T22:00:00Z"),
      hearingAt: new Date("2026-03-10T07:00:00Z"),
    })
  })

  it("takes null and absent optional fields alike, and ignores unknown fields", () => {
    const exit = decode({
      changeId: "CHG-2",
      orderReference: "C-1/2026",
      status: "requested",
      decidedAt: "2026-03-01T09:30Z",
      caseId: null,
      courtRoom: "4",
    })
    expect(Exit.isSuccess(exit) && OrderChange.toOrderUpdate("court", exit.value)).toEqual({
      source: "court",
      recordId: "CHG-2",
      orderReference: "C-1/2026",
      status: "requested",
      at: new Date("2026-03-01T09:30:00Z"),
    })
  })

  it("names the first malformed field, never its value", () => {
    expect(codeOf(change("CHG-1", { decidedAt: "2026-03-01" }))).toBe("change.malformed:decided-at")
    expect(codeOf(change("CHG-1", { decidedAt: "2026-03-01T09:30:00" }))).toBe("change.malformed:decided-at")
    expect(codeOf(change("CHG-1", { decidedAt: "2026-02-30T09:30:00Z" }))).toBe("change.malformed:decided-at")
    expect(codeOf(change("CHG-1", { hearingAt: "2026-04-31T09:30:00Z" }))).toBe("change.malformed:hearing-at")
    expect(codeOf(change("CHG-1", { caseId: "Ana Krasniqi" }))).toBe("change.malformed:case-id")
    expect(codeOf(change("CHG-1", { orderKind: "Emergency order for Ana" }))).toBe("change.malformed:order-kind")
    expect(codeOf(change("has space"))).toBe("change.malformed:change-id")
    expect(codeOf("CHG-1")).toBe("change.malformed")
    expect(codeOf(null)).toBe("change.malformed")
  })

  it("property: every well-formed change decodes, and its update is a valid OrderUpdate", () => {
    const arbitrary = FastCheck.record({
      changeId: FastCheck.stringMatching(/^[A-Z]{2,4}-[0-9]{1,8}$/),
      orderReference: FastCheck.stringMatching(/^[A-Z][0-9]{1,5}\/20[0-9]{2}$/),
      status: FastCheck.constantFrom(...ProtectionOrderSync.OrderStatus.literals),
      decidedAt: FastCheck.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
      expiresAt: FastCheck.option(FastCheck.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01") }), {
        nil: null,
      }),
    })
    FastCheck.assert(
      FastCheck.property(arbitrary, (raw) => {
        const payload = {
          ...raw,
          decidedAt: raw.decidedAt.toISOString(),
          expiresAt: raw.expiresAt?.toISOString() ?? null,
        }
        const exit = decode(payload)
        if (Exit.isFailure(exit)) return false
        const update = OrderChange.toOrderUpdate("court", exit.value)
        return (
          Schema.is(ProtectionOrderSync.OrderUpdate)(update) &&
          update.at.getTime() === raw.decidedAt.getTime() &&
          update.recordId === raw.changeId &&
          (raw.expiresAt === null) === (update.expiresAt === undefined)
        )
      }),
    )
  })

  it("property: spoiling one field fails with that field's code, which quotes nothing of the value", () => {
    FastCheck.assert(
      FastCheck.property(
        FastCheck.constantFrom(...fields),
        FastCheck.constantFrom<unknown>(42, true, [], {}, "Ana Krasniqi 1984"),
        (field, value) => {
          const code = codeOf(change("CHG-1", { [field]: value }))
          return code === `change.malformed:${kebab(field)}` && !code.includes("Ana")
        },
      ),
    )
  })
})

describe("ChangesWebhook.changesOf", () => {
  it("reads one change, a batch or a list; anything else is undefined", () => {
    expect(ChangesWebhook.changesOf({ changeId: "A" })).toEqual([{ changeId: "A" }])
    expect(ChangesWebhook.changesOf({ changes: [1, 2] })).toEqual([1, 2])
    expect(ChangesWebhook.changesOf([3])).toEqual([3])
    expect(ChangesWebhook.changesOf({ changes: "x" })).toBeUndefined()
    expect(ChangesWebhook.changesOf("x")).toBeUndefined()
    expect(ChangesWebhook.changesOf(undefined)).toBeUndefined()
  })
})
