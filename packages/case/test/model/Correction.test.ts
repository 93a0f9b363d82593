// The rules of corrections: which fields changed, a record with a patch
// applied, the previous values kept, a correction that changes nothing
// refused, and a record rule's field named as the correction's input names it.
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc } from "effect"
import * as Correction from "../../src/Correction"
import * as Incident from "../../src/Incident"
import { ids } from "./Fixtures"

const value = fc.oneof(
  fc.constant(undefined),
  fc.integer(),
  fc.string({ maxLength: 6 }),
  fc.array(fc.constantFrom("a", "b"), { maxLength: 3 }),
  fc.record({ kind: fc.constantFrom("spouse", "parent"), time: fc.constantFrom("current", "former") }),
)
const record = fc.dictionary(fc.constantFrom("a", "b", "c", "d"), value)

const incident: Incident.Incident = {
  id: ids.incident(1),
  occurredOn: "2026-02-01" as Incident.Incident["occurredOn"],
  municipality: "GJI" as Incident.Incident["municipality"],
  forms: ["physical"],
  children: "none",
  perpetrators: [],
  source: "police-report",
  recordedAt: new Date("2026-02-02T08:00:00Z"),
}

describe("Correction", () => {
  it("names the fields a correction of an incident changed, and keeps their previous values", () => {
    const after = Correction.apply(incident, {
      forms: ["physical", "psychological"],
      place: "home",
      children: undefined,
    })
    expect(after).toMatchObject({ forms: ["physical", "psychological"], place: "home", children: "none" })
    const fields = Correction.changedFields(incident, after)
    expect(fields).toEqual(["forms", "place"])
    expect(Correction.previousOf(incident, fields)).toEqual({ forms: ["physical"], place: null })
  })

  it("treats key order inside a value and absent-or-undefined as no change", () => {
    expect(
      Correction.changedFields(
        { r: { kind: "spouse", time: "current" }, x: undefined },
        { r: { time: "current", kind: "spouse" } },
      ),
    ).toEqual([])
  })

  it("refuses a correction that changes nothing, naming the input's part", () => {
    const refused = Correction.check([], "incident")
    expect(Either.isLeft(refused) && refused.left).toMatchObject({
      field: "incident",
      rule: "case.correction.nothing-changed",
    })
    expect(Correction.check(["forms"], "incident")).toEqual(Either.right(["forms"]))
  })

  it("names a record rule's field as the correction's input names it", () => {
    expect(Correction.inputField("person", "persons.2.relationship")).toBe("person.relationship")
    expect(Correction.inputField("incident", "incidents.0.perpetrators.1")).toBe("incident.perpetrators.1")
  })

  it("property: a record has no change against itself, and changes are symmetric", () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        expect(Correction.changedFields(a, a)).toEqual([])
        expect(Correction.changedFields(a, b)).toEqual(Correction.changedFields(b, a))
      }),
    )
  })

  it("property: applying the changed fields of `after` to `before` gives `after`, and the previous values undo it", () => {
    fc.assert(
      fc.property(record, record, (before, after) => {
        const fields = Correction.changedFields(before, after)
        const patch = Object.fromEntries(fields.map((field) => [field, after[field]]))
        const applied = Correction.apply(before, patch)
        // A field `after` clears cannot be written by a patch (undefined keeps it).
        const cleared = fields.filter((field) => after[field] === undefined)
        expect(Correction.changedFields(applied, after)).toEqual(cleared)
        const previous = Correction.previousOf(before, fields)
        expect(Object.keys(previous).sort()).toEqual([...fields])
        for (const field of fields) expect(previous[field]).toEqual(before[field] ?? null)
      }),
    )
  })

  it("property: every generated incident correction that changes a form is reported as a change of `forms` only", () => {
    fc.assert(
      fc.property(Arbitrary.make(Incident.ViolenceForm), (form) => {
        const after = Correction.apply(incident, { forms: [form] })
        expect(Correction.changedFields(incident, after)).toEqual(form === "physical" ? [] : ["forms"])
      }),
    )
  })
})
