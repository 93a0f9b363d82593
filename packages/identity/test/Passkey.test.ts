// The pure rules behind passkeys, invitations and enrolment sessions, by
// property and by example: a counter is accepted only when it advances (or
// stays 0 for authenticators that keep none), so no accepted sequence ever
// repeats a counter above 0; only an administrator, or a coordinator of every
// mechanism granted with a member institution, may invite; an enrolment
// session's principal holds no role and no mechanism, whatever the person's;
// the challenge is read from client data, and junk reads as none.
import { type Id, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { Invitation, Passkey, Session } from "../src"

const mechanisms = ["01J9Z3K8V0M6YQ2R7T5W4X1BM1", "01J9Z3K8V0M6YQ2R7T5W4X1BM2"].map((id) => id as Id.MechanismId)
const grant = fc.record({
  role: fc.constantFrom(...Principal.roles),
  mechanism: fc.constantFrom<Id.MechanismId | null>(null, ...mechanisms),
})
const actor = fc.record({
  roles: fc.subarray([...Principal.roles]),
  mechanisms: fc.subarray(mechanisms),
})

describe("Passkey.counterAdvances", () => {
  it("accepts a sequence of counters only while it grows; a repeated counter above 0 is never accepted", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 20 }), { maxLength: 30 }), (presented) => {
        let stored = 0
        const accepted: Array<number> = []
        for (const counter of presented)
          if (Passkey.counterAdvances(stored, counter)) {
            accepted.push(counter)
            stored = counter
          }
        const aboveZero = accepted.filter((counter) => counter > 0)
        expect(new Set(aboveZero).size).toBe(aboveZero.length)
        for (let i = 1; i < aboveZero.length; i++) expect(aboveZero[i]).toBeGreaterThan(aboveZero[i - 1] as number)
        // Once a counter was seen, 0 is never accepted again.
        const firstAbove = accepted.findIndex((counter) => counter > 0)
        if (firstAbove >= 0) expect(accepted.slice(firstAbove).includes(0)).toBe(false)
      }),
    )
  })

  it("by example", () => {
    expect(Passkey.counterAdvances(0, 0)).toBe(true)
    expect(Passkey.counterAdvances(0, 1)).toBe(true)
    expect(Passkey.counterAdvances(5, 6)).toBe(true)
    expect(Passkey.counterAdvances(5, 5)).toBe(false)
    expect(Passkey.counterAdvances(5, 4)).toBe(false)
    expect(Passkey.counterAdvances(5, 0)).toBe(false)
  })
})

describe("Invitation.mayInvite", () => {
  it("an administrator may invite anyone; anyone else only as a coordinator of every mechanism granted, a member institution, and mechanism roles alone", () => {
    fc.assert(
      fc.property(actor, fc.array(grant, { minLength: 1, maxLength: 4 }), fc.boolean(), (who, grants, member) => {
        const allowed = Invitation.mayInvite(who, grants, member)
        if (who.roles.includes("administrator")) {
          expect(allowed).toBe(true)
          return
        }
        if (!allowed) return
        expect(who.roles).toContain("coordinator")
        expect(member).toBe(true)
        for (const g of grants) {
          expect(g.mechanism).not.toBeNull()
          expect(who.mechanisms).toContain(g.mechanism)
        }
      }),
    )
  })

  it("by example", () => {
    const coordinator = { roles: ["coordinator" as const], mechanisms: [mechanisms[0] as Id.MechanismId] }
    const inMine = [{ role: "case-worker" as const, mechanism: mechanisms[0] as Id.MechanismId }]
    expect(Invitation.mayInvite(coordinator, inMine, true)).toBe(true)
    expect(Invitation.mayInvite(coordinator, inMine, false)).toBe(false)
    expect(Invitation.mayInvite(coordinator, [{ role: "case-worker", mechanism: mechanisms[1] ?? null }], true)).toBe(
      false,
    )
    expect(Invitation.mayInvite(coordinator, [{ role: "auditor", mechanism: null }], true)).toBe(false)
    expect(Invitation.mayInvite({ roles: ["case-worker"], mechanisms: coordinator.mechanisms }, inMine, true)).toBe(
      false,
    )
    expect(
      Invitation.mayInvite({ roles: ["administrator"], mechanisms: [] }, [{ role: "auditor", mechanism: null }], false),
    ).toBe(true)
  })
})

describe("Session.actingPrincipal", () => {
  it("an enrolment session acts with no role and no mechanism; a signed-in one as the person", () => {
    fc.assert(
      fc.property(actor, (who) => {
        const principal: Principal.Principal = {
          id: "01J9Z3K8V0M6YQ2R7T5W4X1BP1" as Id.PrincipalId,
          kind: "user",
          institution: "01J9Z3K8V0M6YQ2R7T5W4X1BK1" as Id.InstitutionId,
          roles: who.roles,
          mechanisms: who.mechanisms,
        }
        expect(Session.actingPrincipal("signed-in", principal)).toEqual(principal)
        const enrolling = Session.actingPrincipal("enrolment", principal)
        expect(enrolling).toEqual({ ...principal, roles: [], mechanisms: [] })
      }),
    )
  })
})

describe("Passkey.challengeOf", () => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

  it("reads the challenge of client data, and none from anything else", () => {
    expect(Passkey.challengeOf(encode({ type: "webauthn.get", challenge: "abc_-123", origin: "x" }))).toBe("abc_-123")
    expect(Passkey.challengeOf(encode({ type: "webauthn.get" }))).toBeUndefined()
    expect(Passkey.challengeOf(encode({ challenge: 42 }))).toBeUndefined()
    expect(Passkey.challengeOf(encode(null))).toBeUndefined()
    expect(Passkey.challengeOf("%%%")).toBeUndefined()
    fc.assert(
      fc.property(fc.string(), (junk) => {
        const read = Passkey.challengeOf(junk)
        expect(read === undefined || typeof read === "string").toBe(true)
      }),
    )
  })
})
