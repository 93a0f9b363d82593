// Who may write the service directory: an institution's own people, or an
// administrator; a coordinator of any mechanism is no exception.
import { Errors, Id, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc } from "effect"
import * as DirectoryPolicy from "../src/DirectoryPolicy"
import { ids, institutions } from "./Fixtures"

const person = (roles: ReadonlyArray<Principal.Role>, institution?: Id.InstitutionId): Principal.Principal => ({
  id: ids.principal,
  kind: "user",
  ...(institution === undefined ? {} : { institution }),
  roles,
  mechanisms: [ids.mechanism],
})

describe("DirectoryPolicy", () => {
  it("lets an institution's people and an administrator write its entries, and no one else", () => {
    expect(DirectoryPolicy.mayWrite(person(["case-worker"], institutions.shelter), institutions.shelter)).toBe(true)
    expect(DirectoryPolicy.mayWrite(person(["administrator"]), institutions.shelter)).toBe(true)
    // The attack of the review: another mechanism's coordinator plants a location under the shelter.
    expect(
      DirectoryPolicy.requireWriter(
        person(["coordinator"], institutions.socialWork),
        institutions.shelter,
        "location.register",
      ),
    ).toEqual(
      Either.left(
        new Errors.Forbidden({ action: "referral.location.register", rule: "referral.directory.not-own-institution" }),
      ),
    )
    expect(DirectoryPolicy.mayWrite(person(["national-coordinator"]), institutions.shelter)).toBe(false)
  })

  it("property: a write is allowed exactly for the institution's own people or an administrator", () => {
    fc.assert(
      fc.property(Arbitrary.make(Principal.Principal), Arbitrary.make(Id.InstitutionId), (principal, institution) => {
        const allowed = DirectoryPolicy.mayWrite(principal, institution)
        expect(allowed).toBe(principal.roles.includes("administrator") || principal.institution === institution)
        // Whatever else the principal holds, without those two nothing is written.
        if (!principal.roles.includes("administrator") && principal.institution !== institution)
          for (const write of [
            "organization.register",
            "location.register",
            "service.register",
            "capacity.report",
          ] as const)
            expect(Either.isLeft(DirectoryPolicy.requireWriter(principal, institution, write))).toBe(true)
      }),
    )
  })
})
