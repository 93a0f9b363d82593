// Password + TOTP sign-in over SQLite and PostgreSQL: argon2id hashes; a TOTP
// enrolment confirmed by a first code gives one-time recovery codes; a code is
// refused when wrong, when replayed within its window, or when missing for a
// role that needs a second factor; an unknown email and a wrong password
// answer alike and cost the same (one argon2id verification each, counted, under the same parameters); failures are
// throttled per account and per address with backoff (Effect's TestClock).
import { Errors, type Id } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Duration, Effect, Metric, Option, TestClock } from "effect"
import { Credentials, Password, People, Sessions, SignIn, Totp } from "../src"
import { databases, services } from "./support/Databases"

const institution = "01J9Z3K8V0M6YQ2R7T5W4X1BK1" as Id.InstitutionId
const mechanism = "01J9Z3K8V0M6YQ2R7T5W4X1BM1" as Id.MechanismId
const actor = "01J9Z3K8V0M6YQ2R7T5W4X1BP9" as Id.PrincipalId
const password = "correct horse battery staple"
let count = 0

const person = (roles: "case-worker" | "national-coordinator" = "case-worker") =>
  Effect.gen(function* () {
    count += 1
    const email = `arben.kastrati.${count}@gjilan.example`
    const added = yield* (yield* People.People).add(
      { displayName: "Arben Kastrati", email, language: "sq", institution, sector: "police" },
      [{ role: roles, mechanism: roles === "case-worker" ? mechanism : null }],
      actor,
    )
    yield* (yield* Credentials.Credentials).setPassword(added.id, password)
    return { id: added.id, email }
  })

const now = Effect.map(TestClock.currentTimeMillis, (millis) => millis)

const enrolled = Effect.gen(function* () {
  const who = yield* person()
  const credentials = yield* Credentials.Credentials
  const secret = yield* credentials.startTotp(who.id)
  const recovery = yield* credentials.confirmTotp(who.id, Totp.codeAt(secret, yield* now))
  // The next step: the confirming code is used.
  yield* TestClock.adjust(Duration.seconds(Totp.period))
  return { ...who, secret, recovery }
})

const attempt = (email: string, code?: string, pass = password, address = "192.0.2.1") =>
  Effect.flip(SignIn.withPassword({ email, password: pass, code, address })).pipe(
    Effect.map((error) => error.rule),
    Effect.catchAll(() => Effect.succeed("signed-in")),
  )

const signedIn = (email: string, code?: string, address = "192.0.2.1") =>
  SignIn.withPassword({ email, password, code, address })

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: password and second factor`, () => {
    layer(services(db))((it) => {
      it.effect("hashes with argon2id under ADR 0009's parameters; verifies only the right password", () =>
        Effect.gen(function* () {
          const hashed = yield* Password.hash(password)
          expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
          expect(yield* Password.verify(password, hashed)).toBe(true)
          expect(yield* Password.verify(`${password}!`, hashed)).toBe(false)
          expect(yield* Password.verify(password, "not a hash")).toBe(false)
        }),
      )

      it.effect(
        "a role that reads case data needs an enrolled second factor; a national coordinator may go without",
        () =>
          Effect.gen(function* () {
            const worker = yield* person()
            expect(yield* attempt(worker.email)).toBe("identity.second-factor.not-enrolled")
            const national = yield* person("national-coordinator")
            const session = yield* signedIn(national.email)
            expect(session.principal.roles).toEqual(["national-coordinator"])
          }),
      )

      it.effect("TOTP: missing, wrong and replayed codes refused; a fresh one signs in; a recovery code once", () =>
        Effect.gen(function* () {
          const who = yield* enrolled
          expect(who.recovery).toHaveLength(10)
          expect(yield* attempt(who.email)).toBe("identity.second-factor.required")
          const wrong = Totp.codeAt(who.secret, (yield* now) + 10 * 60_000)
          expect(yield* attempt(who.email, wrong)).toBe("identity.second-factor.invalid")
          const code = Totp.codeAt(who.secret, yield* now)
          const session = yield* signedIn(who.email, code)
          expect(Option.isSome(yield* (yield* Sessions.Sessions).resolve(session.secret))).toBe(true)
          // The same code again, within its 30 s (and the ±1 step window): refused.
          expect(yield* attempt(who.email, code)).toBe("identity.second-factor.invalid")
          yield* TestClock.adjust(Duration.seconds(10))
          expect(yield* attempt(who.email, code)).toBe("identity.second-factor.invalid")
          // The previous step's code, after a later one was used: refused too.
          const previous = Totp.codeAt(who.secret, (yield* now) - Totp.period * 1000)
          expect(yield* attempt(who.email, previous)).toBe("identity.second-factor.invalid")
          yield* TestClock.adjust(Duration.seconds(Totp.period))
          expect(yield* attempt(who.email, Totp.codeAt(who.secret, yield* now))).toBe("signed-in")
          const recovery = who.recovery[0] as string
          expect(yield* attempt(who.email, recovery.toUpperCase().replace("-", " "))).toBe("signed-in")
          expect(yield* attempt(who.email, recovery)).toBe("identity.second-factor.invalid")
          // A pending enrolment's secret proves nothing, and a confirmed one is not replaced by restarting.
          const restarted = yield* (yield* Credentials.Credentials).startTotp(who.id)
          expect(yield* attempt(who.email, Totp.codeAt(restarted, yield* now))).toBe("identity.second-factor.invalid")
          const wrongConfirm = yield* Effect.flip((yield* Credentials.Credentials).confirmTotp(who.id, "000000"))
          expect(wrongConfirm).toEqual(new Errors.InvalidInput({ field: "code", rule: "identity.totp.code-invalid" }))
        }),
      )

      it.effect("throttles failures per account with backoff, forgiven by waiting", () =>
        Effect.gen(function* () {
          const who = yield* person("national-coordinator")
          for (let i = 0; i < 5; i++)
            expect(yield* attempt(who.email, undefined, "wrong password!", `198.51.100.${i}`)).toBe(
              "identity.sign-in.failed",
            )
          // The sixth failure starts the backoff; the right password must wait too.
          expect(yield* attempt(who.email, undefined, "wrong password!", "198.51.100.9")).toBe(
            "identity.sign-in.failed",
          )
          // Refused as a wait, not as a wrong credential: the seconds left of the 1 s backoff.
          expect(yield* Effect.flip(signedIn(who.email, undefined, "198.51.100.10"))).toEqual(
            new Errors.Throttled({ rule: "identity.sign-in.throttled", retryAfter: 1 }),
          )
          yield* TestClock.adjust(Duration.seconds(2))
          expect(yield* attempt(who.email, undefined, password, "198.51.100.10")).toBe("signed-in")
        }),
      )

      it.effect("throttles failures per address across accounts, unknown ones included", () =>
        Effect.gen(function* () {
          const address = "203.0.113.7"
          for (let i = 0; i < 6; i++)
            expect(yield* attempt(`nobody-${i}@gjilan.example`, undefined, password, address)).toBe(
              "identity.sign-in.failed",
            )
          const who = yield* person("national-coordinator")
          expect(yield* attempt(who.email, undefined, password, address)).toBe("identity.sign-in.throttled")
          expect(yield* attempt(who.email, undefined, password, "203.0.113.8")).toBe("signed-in")
        }),
      )

      it.effect(
        "an unknown email and a wrong password answer alike and cost the same: one argon2id verification each, under the same parameters",
        () =>
          Effect.gen(function* () {
            const who = yield* person("national-coordinator")
            // The decoy an unknown address is checked against costs what a real hash costs: the same parameters.
            const decoy = yield* Password.decoyHash
            const stored = yield* (yield* Credentials.Credentials).passwordHash(who.id)
            const costOf = (encoded: string) => encoded.split("$")[3]
            expect(costOf(decoy)).toBe(costOf(Option.getOrThrow(stored)))
            // Counted, not timed: a machine another process keeps busy changes times, not counts.
            const verified = Effect.map(Metric.value(Password.verifications), (state) => state.count)
            const tried = (email: string, address: string) =>
              Effect.gen(function* () {
                // Past any backoff, so every try reaches the password check.
                yield* TestClock.adjust(Duration.hours(2))
                const before = yield* verified
                const rule = yield* attempt(email, undefined, "not the password", address)
                return { rule, verifications: (yield* verified) - before }
              })
            for (let i = 0; i < 3; i++) {
              const unknown = yield* tried(`nobody.${i}@gjilan.example`, `10.0.0.${i}`)
              const wrong = yield* tried(who.email, `10.0.1.${i}`)
              expect(unknown).toEqual({ rule: "identity.sign-in.failed", verifications: 1 })
              expect(wrong).toEqual(unknown)
            }
          }),
      )
    })
  })
}
