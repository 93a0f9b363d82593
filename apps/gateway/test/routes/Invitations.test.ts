// Invitation → enrolment → sign-in → a case read → sign-out, through HTTP on
// SQLite and PostgreSQL, with a software authenticator producing real
// WebAuthn attestations and assertions (test/support/SoftwareAuthenticator:
// node:crypto, not the server library). A coordinator invites a case worker
// of a member institution; accepting is her first sign-in, at the enrolment
// stage, where no case can be read; she enrols a passkey (or a password and
// an authenticator app) and only a sign-in with it reads the case. Forged or
// replayed WebAuthn answers, missing or replayed second factors, malformed,
// expired and reused invitations: each an RFC 9457 problem, nothing changed,
// nothing echoed.
import { Sessions, SignInLinks, SignInThrottle, Totp } from "@bashke/identity"
import { Throttle } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Option } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import * as SoftwareAuthenticator from "../support/SoftwareAuthenticator"

const local = "http://localhost"
const browser = { origin: local, "x-bashke-request": "1", "content-type": "application/json" }
const passphrase = "a long walk to the shelter in gjilan"
let invited = 0

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: invitations, enrolment and passkeys`, () => {
    let gateway: Gateway
    let seeded: Seeded
    let coordinatorToken: string
    let administratorToken: string

    const call = (
      method: string,
      path: string,
      options: { cookie?: string; body?: unknown; token?: string; raw?: string; address?: string } = {},
    ) =>
      gateway.app.request(`${local}${path}`, {
        method,
        headers: {
          ...browser,
          // The client's address as the edge gives it (without a socket, the gateway reads this header).
          ...(options.address === undefined ? {} : { "cf-connecting-ip": options.address }),
          ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
          ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        },
        ...(options.raw !== undefined
          ? { body: options.raw }
          : options.body === undefined
            ? {}
            : { body: JSON.stringify(options.body) }),
      })
    const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] as string
    const caseWorker = () => principal("caseManager", seeded.mechanismId)
    const newcomer = () => {
      invited += 1
      return {
        displayName: `Besa Kelmendi ${invited}`,
        email: `besa.kelmendi.${invited}.${db.name.length}@gjilan.example`,
        language: "sq" as const,
        institution: caseWorker().institution,
        sector: caseWorker().sector,
      }
    }
    const inviteCaseWorker = async () => {
      const person = newcomer()
      const response = await call("POST", `/v1/mechanisms/${seeded.mechanismId}/invitations`, {
        token: coordinatorToken,
        body: { ...person, roles: ["case-worker"] },
      })
      expect(response.status).toBe(201)
      expect(response.headers.get("cache-control")).toBe("no-store")
      const issued = (await response.json()) as { personId: string; token: string; expiresAt: string }
      return { ...issued, person }
    }
    const caseRead = (cookie: string) =>
      gateway.app.request(`${local}/v1/cases/${seeded.cases?.highRisk.caseId}`, { headers: { cookie } })
    const count = (table: string) =>
      gateway.runtime.runPromise(
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM ${sql(table)}`).pipe(
          Effect.map((rows) => Number(rows[0]?.n)),
        ),
      )
    const expectProblem = async (response: Response, status: number, rule: string, secrets: Array<string>) => {
      expect(response.status).toBe(status)
      expect(response.headers.get("content-type")).toContain("application/problem+json")
      expect(response.headers.get("set-cookie")).toBeNull()
      const text = await response.text()
      expect(JSON.parse(text).rule).toBe(rule)
      for (const secret of secrets) expect(text).not.toContain(secret)
    }
    const acceptedEnrolling = async () => {
      const issued = await inviteCaseWorker()
      const accepted = await call("POST", "/v1/invitations/accept", { body: { token: issued.token } })
      expect(accepted.status).toBe(200)
      return { ...issued, cookie: cookieOf(accepted), body: await accepted.json() }
    }
    const enrolPasskey = async (cookie: string, authenticator = SoftwareAuthenticator.make()) => {
      const options = await call("POST", "/v1/me/passkeys/options", { cookie })
      expect(options.status).toBe(200)
      const created = authenticator.create(await options.json(), local)
      const registered = await call("POST", "/v1/me/passkeys", { cookie, body: created })
      expect(registered.status).toBe(201)
      return authenticator
    }
    const passkeyOptions = async () => {
      const options = await call("POST", "/v1/sign-in/passkey/options")
      expect(options.status).toBe(200)
      return options.json()
    }

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      coordinatorToken = await gateway.tokenFor(principal("coordinator", seeded.mechanismId))
      administratorToken = await gateway.tokenFor(principal("administrator", seeded.mechanismId))
    })
    afterAll(() => gateway.close())

    it("invitation → passkey enrolment → passkey sign-in → a case read → sign-out", async () => {
      const { cookie: enrolling, body, token, person, personId } = await acceptedEnrolling()
      expect(body).toMatchObject({ id: personId, stage: "enrolment", roles: [], displayName: person.displayName })
      // The enrolment session reads no case, whatever the person's roles.
      expect([403, 404]).toContain((await caseRead(enrolling)).status)
      // The link worked once.
      await expectProblem(
        await call("POST", "/v1/invitations/accept", { body: { token } }),
        401,
        "identity.link.invalid",
        [token],
      )

      const options = await (await call("POST", "/v1/me/passkeys/options", { cookie: enrolling })).json()
      expect(options).toMatchObject({
        rp: { id: "localhost" },
        user: { name: person.email, displayName: person.displayName },
        authenticatorSelection: { residentKey: "required", userVerification: "required" },
        attestation: "none",
      })
      const authenticator = SoftwareAuthenticator.make()
      const registered = await call("POST", "/v1/me/passkeys", {
        cookie: enrolling,
        body: authenticator.create(options, local),
      })
      expect(registered.status).toBe(201)
      expect(await registered.json()).toEqual({ id: authenticator.credentialId })
      // Still the enrolment session: the passkey is used by signing in with it.
      expect([403, 404]).toContain((await caseRead(enrolling)).status)
      expect((await call("POST", "/v1/sign-out", { cookie: enrolling })).status).toBe(200)

      const signedIn = await call("POST", "/v1/sign-in/passkey", {
        body: authenticator.get(await passkeyOptions(), local),
      })
      expect(signedIn.status).toBe(200)
      expect(await signedIn.json()).toMatchObject({ id: personId, roles: ["case-worker"] })
      const session = cookieOf(signedIn)
      expect(session).not.toBe(enrolling)
      const read = await caseRead(session)
      expect(read.status).toBe(200)
      expect((await call("POST", "/v1/sign-out", { cookie: session })).status).toBe(200)
      expect((await caseRead(session)).status).toBe(401)
    })

    it("invitation → password and authenticator app → sign-in with a code → a case read; codes refused when missing, wrong or replayed", async () => {
      const person = newcomer()
      const issued = await call("POST", "/v1/invitations", {
        token: administratorToken,
        body: { ...person, grants: [{ role: "case-worker", mechanism: seeded.mechanismId }] },
      })
      expect(issued.status).toBe(201)
      const { token } = (await issued.json()) as { token: string }
      const accepted = await call("POST", "/v1/invitations/accept", { body: { token } })
      const cookie = cookieOf(accepted)
      expect((await call("PUT", "/v1/me/password", { cookie, body: { password: passphrase } })).status).toBe(200)
      const { secret } = (await (await call("PUT", "/v1/me/totp", { cookie })).json()) as { secret: string }
      const confirmed = await call("POST", "/v1/me/totp/confirm", {
        cookie,
        body: { code: Totp.codeAt(secret, Date.now()) },
      })
      expect(confirmed.status).toBe(200)
      const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: Array<string> }
      expect(recoveryCodes).toHaveLength(10)
      expect([403, 404]).toContain((await caseRead(cookie)).status)
      expect((await call("POST", "/v1/sign-out", { cookie })).status).toBe(200)

      const signIn = (code?: string) =>
        call("POST", "/v1/sign-in/password", {
          body: { email: person.email, password: passphrase, ...(code === undefined ? {} : { code }) },
        })
      await expectProblem(await signIn(), 401, "identity.second-factor.required", [person.email, passphrase])
      const wrong = Totp.codeAt(secret, Date.now() + 600_000)
      await expectProblem(await signIn(wrong), 401, "identity.second-factor.invalid", [wrong, person.email])
      const code = Totp.codeAt(secret, Date.now() + 30_000)
      const signedIn = await signIn(code)
      expect(signedIn.status).toBe(200)
      const session = cookieOf(signedIn)
      expect((await caseRead(session)).status).toBe(200)
      await expectProblem(await signIn(code), 401, "identity.second-factor.invalid", [code])
      expect((await call("POST", "/v1/sign-out", { cookie: session })).status).toBe(200)
    })

    it("a second factor is missing: a password alone is refused for a role that reads case data", async () => {
      const { cookie, person } = await acceptedEnrolling()
      expect((await call("PUT", "/v1/me/password", { cookie, body: { password: passphrase } })).status).toBe(200)
      await call("POST", "/v1/sign-out", { cookie })
      await expectProblem(
        await call("POST", "/v1/sign-in/password", { body: { email: person.email, password: passphrase } }),
        401,
        "identity.second-factor.not-enrolled",
        [person.email, passphrase],
      )
    })

    it("forged and replayed WebAuthn answers are refused, change nothing and echo nothing", async () => {
      const { cookie } = await acceptedEnrolling()
      // Registration: another origin, a challenge never issued, no user verification.
      for (const bend of [
        { origin: "https://evil.example" },
        { challenge: "bm90LWEtY2hhbGxlbmdlLW9mLW91cnM" },
        { rpId: "evil.example" },
        { unverified: true },
      ]) {
        const options = await (await call("POST", "/v1/me/passkeys/options", { cookie })).json()
        const before = await count("identity_passkeys")
        const forged = SoftwareAuthenticator.make().create(options, local, bend)
        await expectProblem(
          await call("POST", "/v1/me/passkeys", { cookie, body: forged }),
          422,
          "identity.passkey.refused",
          [options.challenge, (forged as { id: string }).id],
        )
        expect(await count("identity_passkeys")).toBe(before)
      }
      const authenticator = await enrolPasskey(cookie)
      // The same registration answer again: its challenge is used up.
      const sessionsBefore = await count("identity_sessions")
      // Each try from an address of its own: this test is about what is refused, not how often (below).
      let tries = 0
      const signInWith = (answer: Record<string, unknown>) => {
        tries += 1
        return call("POST", "/v1/sign-in/passkey", { body: answer, address: `192.0.2.${tries}` })
      }
      for (const bend of [
        { origin: "https://evil.example" },
        { challenge: "bm90LWEtY2hhbGxlbmdlLW9mLW91cnM" },
        { rpId: "evil.example" },
        { breakSignature: true },
        { unverified: true },
      ]) {
        const options = await passkeyOptions()
        await expectProblem(
          await signInWith(authenticator.get(options, local, bend)),
          401,
          "identity.passkey.refused",
          [options.challenge, authenticator.credentialId],
        )
      }
      expect(await count("identity_sessions")).toBe(sessionsBefore)

      // A good assertion signs in once; replayed (same challenge) or its counter again, it is refused.
      const answer = authenticator.get(await passkeyOptions(), local)
      expect((await signInWith(answer)).status).toBe(200)
      await expectProblem(await signInWith(answer), 401, "identity.passkey.refused", [authenticator.credentialId])
      const last = authenticator.counter()
      const cloned = authenticator.get(await passkeyOptions(), local, { counter: last })
      await expectProblem(await signInWith(cloned), 401, "identity.passkey.refused", [authenticator.credentialId])
      const stored = await gateway.runtime.runPromise(
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ counter: unknown }>`SELECT counter FROM identity_passkeys`),
      )
      expect(stored.map((row) => Number(row.counter))).toContain(last)
      // An unknown credential, and junk, answer the same.
      const stranger = SoftwareAuthenticator.make().get(await passkeyOptions(), local)
      await expectProblem(await signInWith(stranger), 401, "identity.passkey.refused", [])
      const malformed = await call("POST", "/v1/sign-in/passkey", { raw: '{"id":"<script>","type":"public-key"}' })
      expect(malformed.status).toBe(422)
      expect(await malformed.text()).not.toContain("<script>")
      expect(await count("identity_sessions")).toBe(sessionsBefore + 1)
    })

    it("malformed, expired and reused invitations, and invitations out of reach, are refused and change nothing", async () => {
      const people = await count("identity_people")
      for (const token of ["bsl_short", "not a token at all", `bsl_${"A".repeat(43)}`]) {
        await expectProblem(
          await call("POST", "/v1/invitations/accept", { body: { token } }),
          401,
          "identity.link.invalid",
          [token],
        )
      }
      expect((await call("POST", "/v1/invitations/accept", { body: { token: "x", extra: 1 } })).status).toBe(422)
      expect((await call("POST", "/v1/invitations/accept", { raw: "{" })).status).toBe(400)

      // Expired: a link issued with no time left.
      const { personId } = await inviteCaseWorker()
      const expired = await gateway.runtime.runPromise(
        Effect.flatMap(SignInLinks.SignInLinks, (links) => links.issue(personId as never, "invitation", Duration.zero)),
      )
      await expectProblem(
        await call("POST", "/v1/invitations/accept", { body: { token: expired } }),
        401,
        "identity.link.expired",
        [expired],
      )
      // A sign-in link is no invitation, and an invitation no sign-in link.
      const { token } = await inviteCaseWorker()
      await expectProblem(await call("POST", "/v1/sign-in/link", { body: { token } }), 401, "identity.link.invalid", [
        token,
      ])
      expect((await call("POST", "/v1/invitations/accept", { body: { token } })).status).toBe(200)
      const afterGood = await count("identity_people")
      expect(afterGood).toBe(people + 2)

      // Out of reach: a case worker invites nobody; a coordinator neither into another
      // mechanism, nor an institution that is no member, nor an installation role.
      const person = newcomer()
      const caseWorkerToken = await gateway.tokenFor(caseWorker())
      const refusals: Array<[Response, number]> = [
        [
          await call("POST", `/v1/mechanisms/${seeded.mechanismId}/invitations`, {
            token: caseWorkerToken,
            body: { ...person, roles: ["case-worker"] },
          }),
          403,
        ],
        [
          await call("POST", "/v1/mechanisms/01J9Z3K8V0M6YQ2R7T5W4X1BZZ/invitations", {
            token: coordinatorToken,
            body: { ...person, roles: ["case-worker"] },
          }),
          404,
        ],
        [
          await call("POST", `/v1/mechanisms/${seeded.mechanismId}/invitations`, {
            token: coordinatorToken,
            body: { ...person, institution: "01J9Z3K8V0M6YQ2R7T5W4X1BZY", roles: ["case-worker"] },
          }),
          403,
        ],
        [
          await call("POST", "/v1/invitations", {
            token: coordinatorToken,
            body: { ...person, grants: [{ role: "administrator", mechanism: null }] },
          }),
          403,
        ],
        [
          await call("POST", `/v1/mechanisms/${seeded.mechanismId}/invitations`, {
            token: coordinatorToken,
            body: { ...person, email: "not-an-email", roles: ["case-worker"] },
          }),
          422,
        ],
        [
          await call("POST", `/v1/mechanisms/${seeded.mechanismId}/invitations`, {
            token: coordinatorToken,
            body: { ...person, roles: [] },
          }),
          422,
        ],
      ]
      for (const [response, status] of refusals) {
        expect(response.status).toBe(status)
        const text = await response.text()
        expect(text).not.toContain(person.email)
        expect(text).not.toContain("Besa")
      }
      // The same email twice: a conflict that names no address.
      const again = await call("POST", `/v1/mechanisms/${seeded.mechanismId}/invitations`, {
        token: coordinatorToken,
        body: { ...person, roles: ["case-worker"] },
      })
      expect(again.status).toBe(201)
      const taken = await call("POST", `/v1/mechanisms/${seeded.mechanismId}/invitations`, {
        token: coordinatorToken,
        body: { ...person, displayName: "Someone Else", roles: ["case-worker"] },
      })
      expect(taken.status).toBe(409)
      expect(await taken.text()).not.toContain(person.email)
      expect(await count("identity_people")).toBe(afterGood + 1)
    })

    it("a deactivated person's passkey signs in no more", async () => {
      const { cookie, personId } = await acceptedEnrolling()
      const authenticator = await enrolPasskey(cookie)
      const deactivated = await gateway.request("POST", `/v1/people/${personId}/deactivate`, {
        token: administratorToken,
      })
      expect(deactivated.status).toBe(200)
      await expectProblem(
        await call("POST", "/v1/sign-in/passkey", {
          body: authenticator.get(await passkeyOptions(), local),
          address: "198.51.100.7",
        }),
        401,
        "identity.passkey.refused",
        [authenticator.credentialId],
      )
    })

    it("failed passkey answers count against the address and the credential, whose backoff refuses passkeys and passwords alike", async () => {
      const { cookie } = await acceptedEnrolling()
      const authenticator = await enrolPasskey(cookie)
      const throttle = (use: (throttle: Throttle.Service) => Effect.Effect<Throttle.Verdict>) =>
        gateway.runtime.runPromise(Effect.flatMap(Throttle.Throttle, use))
      // Counted: six forged answers from one address, each refused for what it is (five are free).
      const counted = "203.0.113.9"
      for (let n = 0; n < 6; n++)
        await expectProblem(
          await call("POST", "/v1/sign-in/passkey", {
            body: authenticator.get(await passkeyOptions(), local, { breakSignature: true }),
            address: counted,
          }),
          401,
          "identity.passkey.refused",
          [],
        )
      // One more failure on each key now waits (it would be free had the six not counted) — no clock read.
      for (const [scope, key] of [
        SignInThrottle.addressKey(counted),
        ["identity.sign-in.passkey", authenticator.credentialId],
      ] as const)
        expect((await throttle((t) => t.fail(scope, key, SignInThrottle.backoff))).allowed).toBe(false)
      // Refused while waiting: an address whose backoff runs for minutes gets no check of a good
      // passkey answer, nor of a password.
      const waiting = "203.0.113.10"
      for (let n = 0; n < 16; n++)
        await throttle((t) => t.fail(...SignInThrottle.addressKey(waiting), SignInThrottle.backoff))
      const sessions = await count("identity_sessions")
      // Each a 429 that says how long the backoff still runs (sixteen failures: its 15-minute cap).
      const refusals = [
        await call("POST", "/v1/sign-in/passkey", {
          body: authenticator.get(await passkeyOptions(), local),
          address: waiting,
        }),
        await call("POST", "/v1/sign-in/password", {
          body: { email: "nobody@gjilan.example", password: passphrase },
          address: waiting,
        }),
      ]
      for (const refused of refusals) {
        const wait = Number(refused.headers.get("retry-after"))
        await expectProblem(refused, 429, "identity.sign-in.throttled", [])
        expect(wait).toBeGreaterThan(60)
        expect(wait).toBeLessThanOrEqual(15 * 60)
      }
      expect(await count("identity_sessions")).toBe(sessions)
    })

    it("an invitation is audited with who sent it; an enrolment session resolves to the person with no role", async () => {
      const { personId, cookie } = await acceptedEnrolling()
      const audited = await gateway.runtime.runPromise(
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql<{ who: string }>`SELECT principal_id AS who FROM audit_log ORDER BY seq DESC LIMIT 5`,
        ),
      )
      expect(audited.map((row) => row.who)).toContain(principal("coordinator", seeded.mechanismId).id)
      const secret = cookie.split("=")[1] as string
      const resolved = await gateway.runtime.runPromise(Effect.flatMap(Sessions.Sessions, (s) => s.resolve(secret)))
      expect(Option.map(resolved, (r) => [r.principal.id, r.principal.roles, r.session.stage])).toEqual(
        Option.some([personId, [], "enrolment"]),
      )
    })
  })
}
