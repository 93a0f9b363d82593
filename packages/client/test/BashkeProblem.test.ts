// Reading a refusal: a problem document keeps every field it carries; anything
// else still becomes a problem, of type about:blank, with the response's status.
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { BashkeProblem, typeBase } from "../src/BashkeProblem"

const errorStatus = fc.integer({ min: 400, max: 599 })
const slug = fc.stringMatching(/^[a-z]+(-[a-z]+)*$/)
const word = fc.string({ minLength: 1, maxLength: 40 })
const answer = (status: number, body: unknown, type = "application/problem+json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } })

describe("BashkeProblem.fromResponse", () => {
  it("keeps every field of a problem document, and names its kind by the type's slug", () => {
    fc.assert(
      fc.property(
        slug,
        word,
        errorStatus,
        fc.record(
          {
            detail: word,
            rule: word,
            field: word,
            location: fc.constantFrom("path", "query", "header", "body"),
            requestId: word,
          },
          { requiredKeys: [] },
        ),
        (kind, title, status, rest) => {
          const body = { type: `${typeBase}${kind}`, title, status, ...rest }
          const problem = BashkeProblem.fromResponse(answer(status, body), body)
          expect(problem.kind).toBe(kind)
          expect(problem.type).toBe(body.type)
          expect(problem.title).toBe(title)
          expect(problem.status).toBe(status)
          expect(problem.detail).toBe(rest.detail)
          expect(problem.rule).toBe(rest.rule)
          expect(problem.field).toBe(rest.field)
          expect(problem.location).toBe(rest.location)
          expect(problem.requestId).toBe(rest.requestId)
          expect(BashkeProblem.is(problem)).toBe(true)
        },
      ),
    )
  })

  it("turns any other body into an about:blank problem with the response's status, and never throws", () => {
    fc.assert(
      fc.property(
        errorStatus,
        fc.jsonValue().filter((value) => {
          const record = value as Record<string, unknown> | null
          return !(
            typeof record === "object" &&
            record !== null &&
            typeof record.type === "string" &&
            typeof record.title === "string"
          )
        }),
        (status, body) => {
          const problem = BashkeProblem.fromResponse(answer(status, body, "application/json"), body)
          expect(problem.type).toBe("about:blank")
          expect(problem.kind).toBe("about:blank")
          expect(problem.status).toBe(status)
          expect(problem.title).toBe(`HTTP ${status}`)
          expect(problem.rule).toBeUndefined()
        },
      ),
    )
  })

  it("takes the status of the response when the document leaves it out, and ignores fields of the wrong type", () => {
    const body = { type: `${typeBase}not-found`, title: "Not found", rule: 7, field: null }
    const problem = BashkeProblem.fromResponse(answer(404, body), body)
    expect(problem).toMatchObject({ kind: "not-found", status: 404, rule: undefined, field: undefined })
    expect(problem.message).toBe("Not found")
  })

  it("reads the kind of a type outside the API's base as about:blank", () => {
    const body = { type: "https://example.org/other", title: "Other", status: 400 }
    expect(BashkeProblem.fromResponse(answer(400, body), body).kind).toBe("about:blank")
  })

  it("tells a BashkeProblem from other errors", () => {
    expect(BashkeProblem.is(new Error("x"))).toBe(false)
    expect(BashkeProblem.is({ _tag: "BashkeProblem" })).toBe(false)
    expect(BashkeProblem.is(Object.assign(new Error("x"), { _tag: "BashkeProblem" }))).toBe(true)
  })
})
