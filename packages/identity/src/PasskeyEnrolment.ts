/**
 * Enrolling a passkey, as the signed-in person (also from an invitation's
 * enrolment session): `options` gives the browser what
 * `navigator.credentials.create()` needs, with a one-time challenge kept in
 * the store; `register` checks the browser's answer with
 * `@simplewebauthn/server` — the challenge ours and unused, the origin and RP
 * id ours, user verification done, the attestation well formed — and keeps
 * the credential. Passkeys are discoverable (resident) and verify the person
 * (PIN or biometric), so one alone is two factors. Audited with who did it.
 */
import { Errors, Principal, Span } from "@bashke/kernel"
import { AuditLog } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server"
import { isoBase64URL } from "@simplewebauthn/server/helpers"
import { Effect, Option } from "effect"
import * as Passkey from "./Passkey"
import { Passkeys } from "./Passkeys"
import { People } from "./People"
import type { Person } from "./Person"

const refused = new Errors.InvalidInput({ field: "response", rule: "identity.passkey.refused" })

const currentPerson: Effect.Effect<Person, Errors.NotFound, People | Principal.CurrentPrincipal> = Effect.gen(
  function* () {
    const principal = yield* Principal.CurrentPrincipal
    const person = yield* (yield* People).find(principal.id)
    if (Option.isNone(person) || !person.value.active)
      return yield* Effect.fail(new Errors.NotFound({ entity: "person", id: principal.id }))
    return person.value
  },
)

/**
 * The options for a new passkey of the current person: their own name and
 * email for the authenticator to show, their passkeys excluded (no second
 * copy on one authenticator), a new challenge.
 */
export const options = (
  relyingParty: Passkey.RelyingParty,
): Effect.Effect<Passkey.CreationOptions, Errors.NotFound, People | Passkeys | Principal.CurrentPrincipal> =>
  Effect.gen(function* () {
    const person = yield* currentPerson
    const passkeys = yield* Passkeys
    const existing = yield* passkeys.forPerson(person.id)
    const created = yield* Effect.promise(() =>
      generateRegistrationOptions({
        rpName: relyingParty.name,
        rpID: relyingParty.id,
        userName: person.email,
        userDisplayName: person.displayName,
        // The user handle is the person's id: no personal data on the authenticator's list of accounts.
        userID: new TextEncoder().encode(person.id),
        attestationType: "none",
        timeout: 300_000,
        excludeCredentials: existing.map((passkey) => ({ id: passkey.id, transports: [...passkey.transports] })),
        authenticatorSelection: { residentKey: "required", userVerification: "required" },
      }),
    )
    yield* passkeys.issueChallenge(created.challenge, "registration", Option.some(person.id))
    return created as Passkey.CreationOptions
  }).pipe(Span.untraced("PasskeyEnrolment.options"))

/**
 * A registered passkey: its credential id.
 */
export interface Registered {
  readonly id: string
}

/**
 * Checks the browser's answer to `options` and keeps the passkey. Any flaw —
 * a challenge not ours, used or expired, another origin or RP id, no user
 * verification, a malformed attestation, a credential already registered —
 * is `identity.passkey.refused`, and nothing is kept.
 */
export const register = (
  response: Passkey.RegistrationResponse,
  relyingParty: Passkey.RelyingParty,
): Effect.Effect<
  Registered,
  Errors.NotFound | Errors.InvalidInput,
  People | Passkeys | AuditLog.AuditLog | SqlClient.SqlClient | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    const person = yield* currentPerson
    const passkeys = yield* Passkeys
    const challenge = Passkey.challengeOf(response.response.clientDataJSON)
    if (challenge === undefined) return yield* Effect.fail(refused)
    if (!(yield* passkeys.redeemChallenge(challenge, "registration", Option.some(person.id))))
      return yield* Effect.fail(refused)
    const verified = yield* Effect.tryPromise(() =>
      verifyRegistrationResponse({
        response: response as unknown as Parameters<typeof verifyRegistrationResponse>[0]["response"],
        expectedChallenge: challenge,
        expectedOrigin: [...relyingParty.origins],
        expectedRPID: relyingParty.id,
        requireUserVerification: true,
      }),
    ).pipe(Effect.orElseSucceed(() => ({ verified: false as const })))
    if (!verified.verified) return yield* Effect.fail(refused)
    const { credential } = verified.registrationInfo
    const audit = yield* AuditLog.AuditLog
    const sql = yield* SqlClient.SqlClient
    // The passkey and its audit entry commit together.
    const added = yield* sql
      .withTransaction(
        Effect.gen(function* () {
          const fresh = yield* passkeys.add({
            id: credential.id,
            person: person.id,
            publicKey: isoBase64URL.fromBuffer(credential.publicKey),
            counter: credential.counter,
            transports: response.response.transports ?? [],
          })
          if (fresh)
            yield* audit.append({
              principalId: person.id,
              action: "write",
              purpose: "mechanism-administration",
              ...(person.institution === undefined ? {} : { institutionId: person.institution }),
            })
          return fresh
        }),
      )
      .pipe(Effect.orDie)
    if (!added) return yield* Effect.fail(refused)
    return { id: credential.id }
  }).pipe(Span.untraced("PasskeyEnrolment.register"))
