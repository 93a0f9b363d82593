// "Try again" is offered only where asking again may get another answer.
import { BashkeProblem } from "@bashke/client"
import { describe, expect, it } from "vitest"
import { retryHelps } from "../src/Loading"

const refused = (status: number) => new BashkeProblem({ type: "about:blank", title: "refused", status })

describe("retryHelps", () => {
  it("after a network failure, the server's own trouble, a timeout or a throttle", () => {
    expect(retryHelps(new TypeError("Failed to fetch"))).toBe(true)
    for (const status of [500, 502, 503, 504, 408, 429]) expect(retryHelps(refused(status)), String(status)).toBe(true)
  })

  it("never after a refusal, which asking again does not change", () => {
    for (const status of [400, 401, 403, 404, 409, 410, 412, 413, 422])
      expect(retryHelps(refused(status)), String(status)).toBe(false)
  })
})
