// The rules of a case transfer: only the sending coordinator proposes, to
// another mechanism that exists, for an open case with the survivor's
// consent, one at a time; only the receiving coordinator decides, once; the
// case moves whole.
import { Id, type Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import type * as Case from "../../src/Case"
import * as CaseTransfer from "../../src/CaseTransfer"
import type * as Consent from "../../src/Consent"
import { ids, institutions } from "./Fixtures"

const other = Id.ulidAt(1_767_225_700_000, new Uint8Array(10).fill(9)) as Id.MechanismId
const at = new Date("2026-03-10T10:00:00Z")
const consent: Consent.Consent = {
  id: Id.ulidAt(1_767_225_600_300, new Uint8Array(10)) as Id.ConsentId,
  givenBy: ids.victim,
  institutions: [institutions.socialWork],
  sectors: [],
  purposes: ["case-management"],
  from: new Date("2026-03-01T00:00:00Z"),
  needsConfirmation: false,
}
const aCase = (overrides: Partial<Case.Case> = {}): Case.Case =>
  ({
    id: ids.case,
    mechanismId: ids.mechanism,
    status: "active",
    persons: [{ id: ids.victim, role: "victim", sex: "female", disabilities: [] }],
    consents: [consent],
    team: { lead: institutions.socialWork, members: [] },
    ...overrides,
  }) as unknown as Case.Case
const coordinatorOf = (mechanism: Id.MechanismId, roles: ReadonlyArray<Principal.Role> = ["coordinator"]) =>
  ({
    id: Id.ulidAt(1_767_225_600_500, new Uint8Array(10)) as Id.PrincipalId,
    kind: "user",
    roles,
    mechanisms: [mechanism],
  }) as Principal.Principal

const proposal = (overrides: Partial<Parameters<typeof CaseTransfer.checkProposal>[0]> = {}) =>
  CaseTransfer.checkProposal({
    principal: coordinatorOf(ids.mechanism),
    aCase: aCase(),
    to: other,
    receivingSignatories: 3,
    pending: false,
    at,
    ...overrides,
  })
const ruleOf = (checked: Either.Either<unknown, { readonly rule: string }>) =>
  Either.isLeft(checked) ? checked.left.rule : "ok"

describe("CaseTransfer", () => {
  it("accepts the sending coordinator's proposal of an open case with consent", () => {
    expect(ruleOf(proposal())).toBe("ok")
  })

  it("refuses, in order: not the coordinator, a closed case, the same mechanism, an unknown one, one waiting, no consent", () => {
    expect(ruleOf(proposal({ principal: coordinatorOf(ids.mechanism, ["case-worker"]) }))).toBe(
      "case.transfer.coordinator-only",
    )
    expect(ruleOf(proposal({ principal: coordinatorOf(other) }))).toBe("case.transfer.coordinator-only")
    expect(ruleOf(proposal({ aCase: aCase({ status: "closed" }) }))).toBe("case.closed.read-only")
    expect(ruleOf(proposal({ to: ids.mechanism }))).toBe("case.transfer.same-mechanism")
    expect(ruleOf(proposal({ receivingSignatories: 0 }))).toBe("case.transfer.mechanism-unknown")
    expect(ruleOf(proposal({ pending: true }))).toBe("case.transfer.pending")
    expect(
      ruleOf(proposal({ aCase: aCase({ consents: [{ ...consent, withdrawnAt: new Date("2026-03-05T00:00:00Z") }] }) })),
    ).toBe("case.transfer.consent-required")
  })

  it("is decided once, by the receiving coordinator", () => {
    const transfer: CaseTransfer.CaseTransfer = {
      id: Id.ulidAt(1_767_225_600_600, new Uint8Array(10)) as CaseTransfer.CaseTransferId,
      caseId: ids.case,
      from: ids.mechanism,
      to: other,
      status: "proposed",
      proposedBy: coordinatorOf(ids.mechanism).id,
      proposedAt: at,
    }
    expect(ruleOf(CaseTransfer.decide(transfer, coordinatorOf(ids.mechanism), { status: "accepted", at }))).toBe(
      "case.transfer.coordinator-only",
    )
    const accepted = CaseTransfer.decide(transfer, coordinatorOf(other), {
      status: "accepted",
      at,
      lead: institutions.police,
    })
    expect(Either.isRight(accepted) && accepted.right).toMatchObject({ status: "accepted", lead: institutions.police })
    if (Either.isRight(accepted))
      expect(ruleOf(CaseTransfer.decide(accepted.right, coordinatorOf(other), { status: "declined", at }))).toBe(
        "case.transfer.decided",
      )
  })

  it("property: a proposal is accepted exactly when every rule holds", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        (isCoordinator, closed, same, signatories, pending, withdrawn) => {
          const checked = proposal({
            principal: coordinatorOf(ids.mechanism, isCoordinator ? ["coordinator"] : ["case-worker"]),
            aCase: aCase({
              status: closed ? "closed" : "active",
              consents: [withdrawn ? { ...consent, withdrawnAt: new Date("2026-03-05T00:00:00Z") } : consent],
            }),
            to: same ? ids.mechanism : other,
            receivingSignatories: signatories,
            pending,
          })
          const allowed = isCoordinator && !closed && !same && signatories > 0 && !pending && !withdrawn
          expect(Either.isRight(checked)).toBe(allowed)
        },
      ),
    )
  })

  it("property: a moved case keeps every part but its mechanism and team", () => {
    fc.assert(
      fc.property(fc.constantFrom(institutions.police, institutions.socialWork, institutions.health), (lead) => {
        const before = aCase()
        const team = { lead, members: [] }
        const after = CaseTransfer.moved(before, other, team)
        expect({ ...after, mechanismId: before.mechanismId, team: before.team }).toEqual(before)
        expect(after.mechanismId).toBe(other)
        expect(after.team).toBe(team)
      }),
    )
  })
})
