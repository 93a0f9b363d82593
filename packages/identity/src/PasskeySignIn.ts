/**
 * Signing in with a passkey: no email asked (the credential names its
 * person), so nothing tells whether an account exists. `options` gives the
 * browser a one-time challenge for `navigator.credentials.get()`; `signIn`
 * checks the answer with `@simplewebauthn/server` — the challenge ours and
 * unused, origin and RP id ours, the signature by the stored public key,
 * user verification done, the counter advancing (a cloned key or a replayed
 * assertion is refused, and the store advances it once however many
 * instances race) — and starts a new session. Every flaw answers alike
 * (`identity.passkey.refused`) and counts against the client's address and
 * the credential tried (`SignInThrottle`, shared with password sign-ins).
 */
import { Errors, Span } from "@bashke/kernel"
import type { Throttle } from "@bashke/persistence"
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server"
import { isoBase64URL } from "@simplewebauthn/server/helpers"
import { Effect, Option } from "effect"
import * as Passkey from "./Passkey"
import { Passkeys } from "./Passkeys"
import { People } from "./People"
import { Sessions } from "./Sessions"
import type { SignedIn } from "./SignIn"
import * as SignInThrottle from "./SignInThrottle"

const refused = new Errors.Unauthenticated({ rule: "identity.passkey.refused" })

/**
 * The options for signing in with any passkey of this site, with a new
 * challenge.
 */
export const options = (relyingParty: Passkey.RelyingParty): Effect.Effect<Passkey.RequestOptions, never, Passkeys> =>
  Effect.gen(function* () {
    const requested = yield* Effect.promise(() =>
      generateAuthenticationOptions({ rpID: relyingParty.id, userVerification: "required", timeout: 300_000 }),
    )
    yield* (yield* Passkeys).issueChallenge(requested.challenge, "authentication", Option.none())
    return requested as Passkey.RequestOptions
  }).pipe(Span.untraced("PasskeySignIn.options"))

/**
 * Signs in with the browser's answer to `options`; ends `previous` (the
 * session the browser held) so it cannot be used beside the new one.
 */
export const signIn = (
  response: Passkey.AuthenticationResponse,
  relyingParty: Passkey.RelyingParty,
  address: string,
  previous: Option.Option<string> = Option.none(),
): Effect.Effect<
  SignedIn,
  Errors.Unauthenticated | Errors.Throttled,
  Passkeys | People | Sessions | Throttle.Throttle
> =>
  SignInThrottle.guard(
    [SignInThrottle.addressKey(address), ["identity.sign-in.passkey", response.id.slice(0, 200)]],
    (counted) => Effect.catchAll(verified(response, relyingParty, previous), counted),
  ).pipe(Span.untraced("PasskeySignIn.signIn"))

const verified = (
  response: Passkey.AuthenticationResponse,
  relyingParty: Passkey.RelyingParty,
  previous: Option.Option<string>,
): Effect.Effect<SignedIn, Errors.Unauthenticated, Passkeys | People | Sessions> =>
  Effect.gen(function* () {
    const passkeys = yield* Passkeys
    const challenge = Passkey.challengeOf(response.response.clientDataJSON)
    if (challenge === undefined) return yield* Effect.fail(refused)
    if (!(yield* passkeys.redeemChallenge(challenge, "authentication", Option.none())))
      return yield* Effect.fail(refused)
    const stored = yield* passkeys.find(response.id)
    if (Option.isNone(stored)) return yield* Effect.fail(refused)
    const passkey = stored.value
    // The user handle, when sent, must be the person the credential was registered to.
    const handle = response.response.userHandle
    if (handle !== undefined && new TextDecoder().decode(isoBase64URL.toBuffer(handle)) !== passkey.person)
      return yield* Effect.fail(refused)
    const verified = yield* Effect.tryPromise(() =>
      verifyAuthenticationResponse({
        response: response as unknown as Parameters<typeof verifyAuthenticationResponse>[0]["response"],
        expectedChallenge: challenge,
        expectedOrigin: [...relyingParty.origins],
        expectedRPID: relyingParty.id,
        requireUserVerification: true,
        credential: {
          id: passkey.id,
          publicKey: isoBase64URL.toBuffer(passkey.publicKey),
          counter: passkey.counter,
          transports: [...passkey.transports],
        },
      }),
    ).pipe(Effect.orElseSucceed(() => undefined))
    if (verified === undefined || !verified.verified) return yield* Effect.fail(refused)
    const counter = verified.authenticationInfo.newCounter
    if (!Passkey.counterAdvances(passkey.counter, counter) || !(yield* passkeys.advance(passkey.id, counter)))
      return yield* Effect.fail(refused)
    const principal = yield* (yield* People).principal(passkey.person)
    if (Option.isNone(principal)) return yield* Effect.fail(refused)
    const sessions = yield* Sessions
    if (Option.isSome(previous)) yield* sessions.end(previous.value, "rotated")
    return { ...(yield* sessions.start(passkey.person)), principal: principal.value }
  })
