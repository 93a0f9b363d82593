import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Exit, Schema } from "effect"
import { Errors, Id, Principal } from "../src/index"

const mechanism = Id.MechanismId.make("01JAAAAAAAAAAAAAAAAAAAAAAA")
const other = Id.MechanismId.make("01JBBBBBBBBBBBBBBBBBBBBBBB")
const caseWorker: Principal.Principal = {
  id: Id.PrincipalId.make("01JCCCCCCCCCCCCCCCCCCCCCCC"),
  kind: "user",
  institution: Id.InstitutionId.make("01JDDDDDDDDDDDDDDDDDDDDDDD"),
  sector: "social-work",
  roles: ["case-worker"],
  mechanisms: [mechanism],
}

describe("Principal", () => {
  it("holds no personal data: only these fields", () => {
    expect(Object.keys(Principal.Principal.from.fields).sort()).toEqual(
      ["id", "institution", "kind", "mechanisms", "roles", "sector"].sort(),
    )
  })

  it("decodes; institutional roles need an institution, national ones do not", () => {
    const decode = Schema.decodeUnknownEither(Principal.Principal)
    expect(decode(caseWorker)).toEqual(Either.right(caseWorker))
    const { institution: _, ...withoutInstitution } = caseWorker
    const failure = decode(withoutInstitution)
    expect(Either.isLeft(failure) && failure.left.message).toContain("principal.institution.required")
    expect(Either.isRight(decode({ ...withoutInstitution, roles: ["national-coordinator", "auditor"] }))).toBe(true)
    expect(Either.isLeft(decode({ ...caseWorker, roles: ["superuser"] }))).toBe(true)
  })

  it("answers role and membership questions, data-first and data-last", () => {
    expect(Principal.hasRole(caseWorker, "case-worker")).toBe(true)
    expect(Principal.hasRole("coordinator")(caseWorker)).toBe(false)
    expect(Principal.hasAnyRole(caseWorker, ["coordinator", "case-worker"])).toBe(true)
    expect(Principal.hasAnyRole(["auditor"])(caseWorker)).toBe(false)
    expect(Principal.belongsTo(caseWorker, mechanism)).toBe(true)
    expect(Principal.belongsTo(other)(caseWorker)).toBe(false)
  })

  it.effect("requireRole reads CurrentPrincipal", () =>
    Effect.gen(function* () {
      const granted = yield* Principal.requireRole("case-worker", "case.read")
      expect(granted).toBe(caseWorker)
      const denied = yield* Effect.exit(Principal.requireRole("coordinator", "meeting.schedule"))
      expect(denied).toEqual(
        Exit.fail(new Errors.Forbidden({ action: "meeting.schedule", rule: "principal.role.required" })),
      )
    }).pipe(Effect.provideService(Principal.CurrentPrincipal, caseWorker)),
  )
})
