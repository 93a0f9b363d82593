// The rules of safe contact: only the victim's or a child's; safe times that
// end after they start; someone to go through when calling is not safe, and
// then no phone call; and when a call is safe.
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as SafeContact from "../../src/SafeContact"
import { ids } from "./Fixtures"

const persons = [
  { id: ids.victim, role: "victim" as const },
  { id: ids.child, role: "child" as const },
  { id: ids.perpetrator, role: "alleged-perpetrator" as const },
]
const instructions = (overrides: Partial<SafeContact.Instructions> = {}): SafeContact.Instructions => ({
  safeToCall: true,
  safeTimes: [{ from: "09:00", to: "12:00" }],
  channels: ["phone-call", "text-message"],
  codeWord: "blue umbrella",
  ...overrides,
})
const refusal = (checked: Either.Either<unknown, { field: string; rule: string }>) =>
  Either.isLeft(checked) ? { field: checked.left.field, rule: checked.left.rule } : undefined

const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`)

describe("SafeContact", () => {
  it("accepts the victim's and a child's, refuses the alleged perpetrator's", () => {
    expect(Either.isRight(SafeContact.validate(instructions(), ids.victim, persons))).toBe(true)
    expect(Either.isRight(SafeContact.validate(instructions(), ids.child, persons))).toBe(true)
    expect(refusal(SafeContact.validate(instructions(), ids.perpetrator, persons))).toEqual({
      field: "personId",
      rule: "case.safe-contact.person-not-survivor",
    })
  })

  it("refuses a safe time that ends before it starts, naming it", () => {
    const reversed = instructions({
      safeTimes: [
        { from: "09:00", to: "10:00" },
        { from: "18:00", to: "17:00" },
      ],
    })
    expect(refusal(SafeContact.validate(reversed, ids.victim, persons))).toEqual({
      field: "safeTimes.1",
      rule: "case.safe-contact.time-range",
    })
  })

  it("needs someone to go through, and no phone call, when calling is not safe", () => {
    expect(refusal(SafeContact.validate(instructions({ safeToCall: false }), ids.victim, persons))).toEqual({
      field: "through",
      rule: "case.safe-contact.through-required",
    })
    const through = instructions({ safeToCall: false, through: "her sister" })
    expect(refusal(SafeContact.validate(through, ids.victim, persons))).toEqual({
      field: "channels",
      rule: "case.safe-contact.call-not-safe",
    })
    expect(
      Either.isRight(SafeContact.validate({ ...through, channels: ["through-contact"] }, ids.victim, persons)),
    ).toBe(true)
  })

  it("a call is safe inside a safe time, from inclusive, to exclusive", () => {
    const contact = instructions()
    expect(["08:59", "09:00", "11:59", "12:00"].map((at) => SafeContact.mayCallAt(contact, at))).toEqual([
      false,
      true,
      true,
      false,
    ])
    expect(SafeContact.mayCallAt(instructions({ safeTimes: [] }), "03:00")).toBe(true)
  })

  it("property: never safe to call when calling is not safe; always safe at the start of a window when it is", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(time, time), { maxLength: 4 }), time, (windows, at) => {
        const safeTimes = windows.filter(([a, b]) => a < b).map(([from, to]) => ({ from, to }))
        expect(SafeContact.mayCallAt({ safeToCall: false, safeTimes }, at)).toBe(false)
        for (const window of safeTimes)
          expect(SafeContact.mayCallAt({ safeToCall: true, safeTimes }, window.from)).toBe(true)
        const inside = safeTimes.some((window) => window.from <= at && at < window.to)
        expect(SafeContact.mayCallAt({ safeToCall: true, safeTimes }, at)).toBe(safeTimes.length === 0 || inside)
      }),
    )
  })

  it("property: a validated contact's safe times all end after they start", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ from: time, to: time }), { maxLength: 4 }), (safeTimes) => {
        const checked = SafeContact.validate(instructions({ safeTimes }), ids.victim, persons)
        expect(Either.isRight(checked)).toBe(safeTimes.every((window) => window.from < window.to))
      }),
    )
  })
})
