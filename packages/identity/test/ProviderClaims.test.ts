// The provider's claims → a person, by the configured mapping: grants only
// from mapped values (property: never a grant the mapping does not name for
// one of the person's values), the institution fixed or by a claim, and each
// refusal by example.
import { Errors, type Id, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc, Option } from "effect"
import { ProviderClaims } from "../src"

const police = "01J9Z3K8V0M6YQ2R7T5W4X1BK1" as Id.InstitutionId
const shelter = "01J9Z3K8V0M6YQ2R7T5W4X1BK2" as Id.InstitutionId
const gjilan = "01J9Z3K8V0M6YQ2R7T5W4X1BM1" as Id.MechanismId
const mapping: ProviderClaims.Mapping = {
  institution: { claim: "org", values: { police: { id: police, sector: "police" }, shelter: { id: shelter } } },
  roles: {
    claim: "groups",
    values: {
      "bashke-case-workers": [{ role: "case-worker", mechanism: gjilan }],
      "bashke-coordinators": [
        { role: "coordinator", mechanism: gjilan },
        { role: "case-worker", mechanism: gjilan },
      ],
      "bashke-auditors": [{ role: "auditor", mechanism: null }],
    },
  },
}
const claims = {
  sub: "248289761001",
  name: "Arta Krasniqi",
  email: "arta.krasniqi@police.example",
  email_verified: true,
  locale: "sq",
  org: "police",
  groups: ["bashke-case-workers", "unrelated"],
}

describe("ProviderClaims.map", () => {
  it("maps the institution by its claim, grants by the groups, the language from locale", () => {
    expect(ProviderClaims.map(mapping, claims)).toEqual(
      Either.right({
        subject: "248289761001",
        displayName: "Arta Krasniqi",
        email: "arta.krasniqi@police.example",
        emailVerified: true,
        language: Option.some("sq"),
        institution: Option.some({ id: police, sector: "police" }),
        grants: [{ role: "case-worker", mechanism: gjilan }],
      }),
    )
  })

  it("a fixed institution, a nested claim path, preferred_username, an unverified email, an unknown locale", () => {
    const fixed: ProviderClaims.Mapping = {
      institution: { id: shelter },
      roles: { claim: "realm_access.roles", values: mapping.roles.values },
    }
    const { name: _, groups: __, ...rest } = claims
    const mapped = ProviderClaims.map(fixed, {
      ...rest,
      preferred_username: "arta.k",
      email_verified: "true",
      locale: "de",
      realm_access: { roles: ["bashke-coordinators", "bashke-case-workers"] },
    })
    expect(Either.map(mapped, (m) => [m.displayName, m.emailVerified, m.language, m.institution, m.grants])).toEqual(
      Either.right([
        "arta.k",
        false,
        Option.none(),
        Option.some({ id: shelter }),
        [
          { role: "coordinator", mechanism: gjilan },
          { role: "case-worker", mechanism: gjilan },
        ],
      ]),
    )
  })

  it("refuses, naming the rule: no subject, no email, no role, an unmapped or ambiguous institution, acr unmet, uneven grants", () => {
    const rule = (result: Either.Either<unknown, { readonly rule: string }>) =>
      Either.match(result, { onLeft: (error) => error.rule, onRight: () => "accepted" })
    expect(rule(ProviderClaims.map(mapping, { ...claims, sub: undefined }))).toBe("identity.provider.claims")
    expect(rule(ProviderClaims.map(mapping, { ...claims, email: "not an address" }))).toBe("identity.provider.claims")
    expect(rule(ProviderClaims.map(mapping, { ...claims, groups: ["unrelated"] }))).toBe("identity.provider.no-role")
    expect(rule(ProviderClaims.map(mapping, { ...claims, groups: "bashke-case-workers" }))).toBe("accepted")
    expect(rule(ProviderClaims.map(mapping, { ...claims, org: "court" }))).toBe(
      "identity.provider.institution-unmapped",
    )
    expect(rule(ProviderClaims.map(mapping, { ...claims, org: ["police", "shelter"] }))).toBe(
      "identity.provider.institution-unmapped",
    )
    const strong = { ...mapping, acr: ["urn:bashke:mfa"] }
    expect(rule(ProviderClaims.map(strong, claims))).toBe("identity.provider.acr")
    expect(rule(ProviderClaims.map(strong, { ...claims, acr: "urn:bashke:mfa" }))).toBe("accepted")
    const other = "01J9Z3K8V0M6YQ2R7T5W4X1BM2" as Id.MechanismId
    const mixed = {
      ...mapping,
      roles: {
        claim: "groups",
        values: { ...mapping.roles.values, a: [{ role: "coordinator" as const, mechanism: other }] },
      },
    }
    expect(ProviderClaims.map(mixed, { ...claims, groups: ["a", "bashke-case-workers"] })).toEqual(
      Either.left(new Errors.InvalidInput({ field: "grants", rule: "identity.grants.uneven" })),
    )
  })

  it("never grants what the mapping does not give one of the person's values (property)", () => {
    const values = ["bashke-case-workers", "bashke-coordinators", "bashke-auditors", "x", "y"]
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...values), { maxLength: 5 }),
        fc.constantFrom("police", "shelter", "court"),
        (groups, org) => {
          const result = ProviderClaims.map(mapping, { ...claims, groups, org })
          if (Either.isLeft(result)) return
          const given = groups.flatMap((group) => mapping.roles.values[group] ?? [])
          for (const grant of result.right.grants) expect(given).toContainEqual(grant)
          expect(new Set(result.right.grants.map((g) => `${g.role}/${g.mechanism}`)).size).toBe(
            result.right.grants.length,
          )
          for (const grant of given) expect(result.right.grants).toContainEqual(grant)
          expect(Principal.roles).toEqual(expect.arrayContaining(result.right.grants.map((g) => g.role)))
        },
      ),
    )
  })

  it("the mapping's schema refuses a role that is not Bashkë's and an empty acr list", () => {
    const decode = (value: unknown) => Either.isRight(ProviderClaims.decodeMapping(value))
    expect(decode(mapping)).toBe(true)
    expect(decode({ roles: { claim: "groups", values: { a: [{ role: "root", mechanism: null }] } } })).toBe(false)
    expect(decode({ ...mapping, acr: [] })).toBe(false)
  })
})
