/**
 * The one-time links' store: issue a link for a person (its secret seen only
 * then), redeem it once. Redeeming marks it used in the same statement that
 * finds it, so two requests with one link never both succeed, on any number
 * of instances. Unknown, used, and a deactivated person's links answer alike
 * (`identity.link.invalid`); an expired one says so (`identity.link.expired`).
 */
import { Errors, Id, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Context, Duration, Effect, Layer, Option } from "effect"
import { People } from "./People"
import type { PersonId } from "./Person"
import * as Secret from "./Secret"
import * as SignInLink from "./SignInLink"

export interface Service {
  /** A new link's secret for `person`, lasting `lifetime` (the purpose's default otherwise). */
  readonly issue: (
    person: PersonId,
    purpose: SignInLink.Purpose,
    lifetime?: Duration.DurationInput,
  ) => Effect.Effect<string>
  /** The person a link signs in, marking it used. */
  readonly redeem: (secret: string, purpose: SignInLink.Purpose) => Effect.Effect<PersonId, Errors.Unauthenticated>
}

export class SignInLinks extends Context.Tag("@bashke/identity/SignInLinks")<SignInLinks, Service>() {}

const invalid = new Errors.Unauthenticated({ rule: "identity.link.invalid" })

/**
 * The links over SQL (both dialects).
 */
export const layerSql: Layer.Layer<SignInLinks, never, SqlClient.SqlClient | People | Id.IdGenerator> = Layer.effect(
  SignInLinks,
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const people = yield* People
    const ids = yield* Id.IdGenerator

    const issue: Service["issue"] = (person, purpose, lifetime) =>
      Effect.gen(function* () {
        const secret = yield* Secret.make("bsl_")
        const secretHash = yield* Secret.hash(secret)
        const now = yield* SqlValues.currentDate
        const expires = new Date(now.getTime() + Duration.toMillis(lifetime ?? SignInLink.defaultLifetime[purpose]))
        yield* sql`INSERT INTO identity_links (id, secret_hash, person_id, purpose, created_at, expires_at)
          VALUES (${yield* ids.next}, ${secretHash}, ${person}, ${purpose},
          ${SqlValues.toSql(now)}, ${SqlValues.toSql(expires)})`.pipe(Effect.orDie)
        return secret
      }).pipe(Span.untraced("SignInLinks.issue", { purpose }))

    const redeem: Service["redeem"] = (secret, purpose) =>
      Effect.gen(function* () {
        if (!Secret.looksLike("bsl_", secret)) return yield* Effect.fail(invalid)
        const secretHash = yield* Secret.hash(secret)
        const now = yield* SqlValues.currentDate
        const rows = yield* sql<{ person_id: string; expires_at: unknown }>`UPDATE identity_links
          SET used_at = ${SqlValues.toSql(now)}
          WHERE secret_hash = ${secretHash} AND purpose = ${purpose} AND used_at IS NULL
          RETURNING person_id, expires_at`.pipe(Effect.orDie)
        const row = rows[0]
        if (row === undefined) return yield* Effect.fail(invalid)
        const expiresAt = new Date(SqlValues.fromSql(row.expires_at) ?? Number.NaN)
        if (!SignInLink.redeemable({ expiresAt }, now))
          return yield* Effect.fail(new Errors.Unauthenticated({ rule: "identity.link.expired" }))
        const person = row.person_id as PersonId
        if (Option.isNone(yield* people.principal(person))) return yield* Effect.fail(invalid)
        return person
      }).pipe(Span.untraced("SignInLinks.redeem", { purpose }))

    return { issue, redeem }
  }),
)
