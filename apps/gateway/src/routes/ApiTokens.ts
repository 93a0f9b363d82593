/**
 * API tokens for connectors and scripts, from the web app as from the CLI
 * (`bashke token create|list|revoke`): an administrator lists them, issues one
 * (its secret answered once) and revokes one. A token names no person: its
 * principal is a fresh id with the roles, institution, sector and mechanisms
 * it acts with; its label is an operator's note ("police-connector").
 *
 * Issuing answers the secret once, so like an invitation it is a credential
 * route: the answer is never stored (no idempotency key; a retried issue makes
 * a second token, which the list shows and an administrator revokes).
 */
import { Cursor, Errors, Id, Pagination, Principal, Sector } from "@bashke/kernel"
import { Duration, Effect, Schema } from "effect"
import { ApiTokens, TokenInfo } from "../ApiTokens"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const tag = "api-tokens"

/** What an administrator asks for: the label, what the token acts as, and how long it lives. */
export const NewApiToken = Schema.Struct({
  /** The operator's note: lower-case letters, digits and dashes (never a person's name). */
  label: Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: () => "gateway.api-token.label" })),
  roles: Schema.Array(Principal.Role).pipe(Schema.minItems(1), Schema.maxItems(6)),
  /** The institution the token acts for (needed by the institutional roles, with `sector`). */
  institution: Schema.optional(Id.InstitutionId),
  sector: Schema.optional(Sector.Sector),
  mechanisms: Schema.Array(Id.MechanismId).pipe(Schema.maxItems(20)),
  /** Days it lives: the configured default when absent, never beyond the configured maximum. */
  lifetimeDays: Schema.optional(Schema.Int.pipe(Schema.between(1, 3650))),
}).annotations({ identifier: "NewApiToken" })

const Issued = Schema.Struct({
  id: Schema.String,
  /** The secret: shown once, never stored (only its SHA-256 is). */
  token: Schema.String,
}).annotations({ identifier: "ApiTokenIssued" })

const Revoked = Schema.Struct({ revoked: Schema.Literal(true) }).annotations({ identifier: "ApiTokenRevoked" })

const TokenPath = Schema.Struct({ tokenId: Schema.String.pipe(Schema.pattern(/^[0-9A-HJKMNP-TV-Z]{26}$/)) })
const ListQuery = Keyset.query({})
/** Token pages are ordered by id, a ULID (`[id]`). */
const TokenKey = Schema.Tuple(TokenPath.fields.tokenId)

const administrator = (action: string) => Principal.requireRole("administrator", action)

const list = Route.make({
  method: "get",
  path: "/v1/api-tokens",
  operationId: "listApiTokens",
  tag,
  summary: "The API tokens, revoked and expired ones too — never a secret (administrators)",
  querySchema: ListQuery,
  success: { status: 200, schema: Keyset.pageSchema(TokenInfo, "ApiTokenPage") },
  handle: ({ query }) =>
    Effect.gen(function* () {
      yield* administrator("api-token.list")
      // Paged in SQL by the primary key: one more than the page tells whether a next one exists.
      const after = yield* Cursor.afterKey(TokenKey, query.after)
      const rows = yield* (yield* ApiTokens).page({ after: after?.[0], limit: query.limit + 1 })
      return Pagination.paginate(rows, query.limit, (token) => [token.id])
    }),
})

const issue = Route.make({
  method: "post",
  path: "/v1/api-tokens",
  operationId: "issueApiToken",
  tag,
  summary:
    "Issue an API token with the roles, institution and mechanisms it acts with; its secret shown once (administrators)",
  credential: true,
  bodySchema: NewApiToken,
  success: { status: 201, schema: Issued },
  handle: ({ body }) =>
    Effect.gen(function* () {
      yield* administrator("api-token.issue")
      const request = yield* Schema.decodeUnknown(NewApiToken)(body).pipe(Effect.orDie)
      const principal = yield* Schema.decodeUnknown(Principal.Principal)({
        id: yield* Effect.flatMap(Id.IdGenerator, (ids) => ids.next),
        kind: "api-token",
        ...(request.institution === undefined ? {} : { institution: request.institution }),
        ...(request.sector === undefined ? {} : { sector: request.sector }),
        roles: request.roles,
        mechanisms: request.mechanisms,
      }).pipe(
        Effect.mapError(
          () => new Errors.InvalidInput({ field: "institution", rule: "principal.institution.required" }),
        ),
      )
      return yield* (yield* ApiTokens)
        .issue(
          principal,
          request.label,
          request.lifetimeDays === undefined ? {} : { lifetime: Duration.days(request.lifetimeDays) },
        )
        .pipe(
          Effect.catchTag("LifetimeRefused", () =>
            Effect.fail(new Errors.InvalidInput({ field: "lifetimeDays", rule: "gateway.api-token.lifetime" })),
          ),
        )
    }),
})

const revoke = Route.make({
  method: "post",
  path: "/v1/api-tokens/:tokenId/revocation",
  operationId: "revokeApiToken",
  tag,
  summary: "Revoke an API token: every instance refuses it from the next request (administrators)",
  pathSchema: TokenPath,
  success: { status: 200, schema: Revoked },
  handle: ({ path }) =>
    Effect.gen(function* () {
      yield* administrator("api-token.revoke")
      const tokens = yield* ApiTokens
      const known = (yield* tokens.list).find((token) => token.id === path.tokenId && token.revokedAt === null)
      if (known === undefined) return yield* new Errors.NotFound({ entity: "ApiToken", id: path.tokenId })
      yield* tokens.revoke(path.tokenId)
      return { revoked: true as const }
    }),
})

/** The API token routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [list, issue, revoke]
