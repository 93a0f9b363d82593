/**
 * A browser's sign-in at an institution's identity provider while it is under
 * way (OIDC authorization code with PKCE): the state sent to the provider,
 * the nonce its ID token must carry, the PKCE verifier, and a secret of the
 * browser's own (its short-lived flow cookie) that binds the flow to the
 * browser that started it, so a provider's answer planted in another browser
 * signs nobody in there. Kept in the store, so any gateway instance finishes
 * a flow another began; taken once, in the one `UPDATE … RETURNING` that
 * finds it, and only for ten minutes.
 */
import { Errors, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Context, Duration, Effect, Layer } from "effect"
import * as Secret from "./Secret"

/** How long a browser may take at its provider. */
export const lifetime: Duration.Duration = Duration.minutes(10)

/** A flow just started: what goes to the provider, and the browser's secret. */
export interface Pending {
  readonly state: string
  readonly nonce: string
  readonly verifier: string
  /** The browser's flow cookie (`bsf_…`). */
  readonly browser: string
}

/** What finishing a flow needs from it. */
export interface Taken {
  readonly nonce: string
  readonly verifier: string
}

export interface Service {
  /** A new flow; its secrets are seen only here. */
  readonly start: Effect.Effect<Pending>
  /**
   * The flow of `state` started by the browser holding `browser`, marked
   * used. Unknown, used, another browser's or malformed: `identity.provider.flow-unknown`;
   * past its lifetime: `identity.provider.flow-expired`.
   */
  readonly take: (state: string, browser: string | undefined) => Effect.Effect<Taken, Errors.Unauthenticated>
}

export class ProviderFlows extends Context.Tag("@bashke/identity/ProviderFlows")<ProviderFlows, Service>() {}

const unknown = new Errors.Unauthenticated({ rule: "identity.provider.flow-unknown" })
const tokenShape = /^[A-Za-z0-9_-]{43}$/

/**
 * The flows over SQL (both dialects).
 */
export const layerSql: Layer.Layer<ProviderFlows, never, SqlClient.SqlClient> = Layer.effect(
  ProviderFlows,
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()

    const start: Service["start"] = Effect.gen(function* () {
      const pending: Pending = {
        state: yield* Secret.token,
        nonce: yield* Secret.token,
        verifier: yield* Secret.token,
        browser: yield* Secret.make("bsf_"),
      }
      const now = yield* SqlValues.currentDate
      const expires = new Date(now.getTime() + Duration.toMillis(lifetime))
      yield* sql
        .withTransaction(
          Effect.gen(function* () {
            // Flows past their lifetime are of no use to anyone: swept as new ones start.
            yield* sql`DELETE FROM identity_provider_flows WHERE expires_at < ${SqlValues.toSql(now)}`
            yield* sql`INSERT INTO identity_provider_flows (state_hash, browser_hash, verifier, nonce, created_at, expires_at)
              VALUES (${yield* Secret.hash(pending.state)}, ${yield* Secret.hash(pending.browser)}, ${pending.verifier},
              ${pending.nonce}, ${SqlValues.toSql(now)}, ${SqlValues.toSql(expires)})`
          }),
        )
        .pipe(Effect.orDie)
      return pending
    }).pipe(Span.untraced("ProviderFlows.start"))

    const take: Service["take"] = (state, browser) =>
      Effect.gen(function* () {
        if (!tokenShape.test(state) || browser === undefined || !Secret.looksLike("bsf_", browser))
          return yield* Effect.fail(unknown)
        const now = yield* SqlValues.currentDate
        const rows = yield* sql<{ verifier: string; nonce: string; expires_at: unknown }>`
          UPDATE identity_provider_flows SET used_at = ${SqlValues.toSql(now)}
          WHERE state_hash = ${yield* Secret.hash(state)} AND browser_hash = ${yield* Secret.hash(browser)}
          AND used_at IS NULL
          RETURNING verifier, nonce, expires_at`.pipe(Effect.orDie)
        const row = rows[0]
        if (row === undefined) return yield* Effect.fail(unknown)
        const expiresAt = new Date(SqlValues.fromSql(row.expires_at) ?? Number.NaN)
        if (!(now.getTime() < expiresAt.getTime()))
          return yield* Effect.fail(new Errors.Unauthenticated({ rule: "identity.provider.flow-expired" }))
        return { nonce: row.nonce, verifier: row.verifier }
      }).pipe(Span.untraced("ProviderFlows.take"))

    return { start, take }
  }),
)
