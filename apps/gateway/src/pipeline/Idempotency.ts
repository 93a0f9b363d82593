/**
 * The pipeline's retry step: every POST that changes something carries an
 * `Idempotency-Key`; its first answer is stored with the key in the use
 * case's transaction, and a retry with the same key and the same request gets
 * that answer again (never a second write). A key reused for another request
 * is a 409 (the persistence package's `Idempotency`).
 */
import type { Errors } from "@bashke/kernel"
import { Idempotency } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Effect, Either, type Schema } from "effect"
import type * as RequestFingerprint from "../RequestFingerprint"
import type * as Route from "../Route"
import { byGateway, type Refused } from "./Refused"

const keyPattern = /^[\x21-\x7e]{1,255}$/

/** Whether a route's requests need a key: a POST that changes something and hands out no credential. */
export const needsKey = (route: Route.Description): boolean =>
  route.method === "post" && route.safe !== true && route.credential !== true

/** The request's key when the route needs one (printable ASCII, 1 to 255 characters), or a refusal. */
export const key = (
  route: Route.Description,
  header: string | undefined,
): Either.Either<string | undefined, Refused> =>
  !needsKey(route)
    ? Either.right(undefined)
    : header !== undefined && keyPattern.test(header)
      ? Either.right(header)
      : Either.left(
          byGateway({
            type: "idempotency-key-required",
            status: 400,
            rule: "gateway.idempotency-key.required",
            field: "Idempotency-Key",
            location: "header",
          }),
        )

/** Whose keys a key is among: the principal's, per operation. */
export const scopeOf = (principalId: string | undefined, operationId: string): string =>
  `${principalId ?? "public"}:${operationId}`

/**
 * Runs `work` under the key (when there is one), fingerprinted by `request`
 * (the method, path and body), storing its answer encoded with `schema`.
 */
export const once = <A, I, E, R>(
  fingerprint: RequestFingerprint.Fingerprint,
  claim: { readonly scope: string; readonly key: string | undefined; readonly request: string },
  work: Effect.Effect<A, E, R>,
  schema: Schema.Schema<A, I>,
): Effect.Effect<Idempotency.Outcome<A>, E | Errors.Conflict, R | SqlClient.SqlClient> => {
  const key = claim.key
  return key === undefined
    ? Effect.map(work, (value) => ({ value, replayed: false }))
    : Effect.flatMap(
        Effect.promise(() => fingerprint(claim.request)),
        (print) => Idempotency.runWithOutcome({ scope: claim.scope, key, fingerprint: print }, work, schema),
      )
}

/**
 * An upload's key, for its handler to commit with: fingerprinted by what
 * identifies the file without reading it (the headers that describe it).
 */
export const uploadKey = async (
  fingerprint: RequestFingerprint.Fingerprint,
  claim: { readonly scope: string; readonly key: string; readonly request: string },
  header: (name: string) => string | undefined,
): Promise<Idempotency.IdempotencyKey> => ({
  scope: claim.scope,
  key: claim.key,
  fingerprint: await fingerprint(
    [
      claim.request,
      ...["content-type", "content-length", "content-disposition"].map((name) => header(name) ?? ""),
    ].join("\n"),
  ),
})
