// When a session ends: idle and absolute timeouts from the profile, whichever
// comes first (property over request times), and the cookie's lifetime.
import { JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Duration, FastCheck as fc } from "effect"
import { Session } from "../src"

const timeouts = Session.timeoutsOf(JurisdictionProfile.kosovo)
const minute = 60_000

describe("Session", () => {
  it("reads 30 minutes idle and 12 hours absolute from the Kosovo profile, both unconfirmed", () => {
    expect(Duration.toMinutes(timeouts.idle)).toBe(30)
    expect(Duration.toHours(timeouts.absolute)).toBe(12)
    const paths = JurisdictionProfile.unconfirmed(JurisdictionProfile.kosovo).map((setting) => setting.path)
    expect(paths).toEqual(expect.arrayContaining(["sessions.idleTimeout", "sessions.absoluteTimeout"]))
  })

  it("is live exactly while both the idle and the absolute timeout are ahead", () => {
    fc.assert(
      fc.property(fc.nat(13 * 60), fc.nat(13 * 60), (seenAfter, nowAfter) => {
        const startedAt = new Date(0)
        const lastSeenAt = new Date(Math.min(seenAfter, nowAfter) * minute)
        const now = new Date(nowAfter * minute)
        const standing = Session.standing({ startedAt, lastSeenAt }, now, timeouts)
        const expired = nowAfter >= 12 * 60
        const idle = nowAfter - Math.min(seenAfter, nowAfter) >= 30
        expect(standing).toBe(expired ? "expired" : idle ? "idle" : "live")
      }),
    )
  })

  it("gives the cookie the time left until the absolute timeout", () => {
    expect(Session.cookieMaxAge({ startedAt: new Date(0) }, new Date(60 * minute), timeouts)).toBe(11 * 3600)
    expect(Session.cookieMaxAge({ startedAt: new Date(0) }, new Date(13 * 60 * minute), timeouts)).toBe(0)
  })
})
