// Signing in through an institution's identity provider (OIDC). A browser's
// pending flow is kept here, not in the browser, so any gateway instance
// sharing the store finishes what another started: the state and the
// browser's binding secret as their SHA-256 only, the PKCE verifier and the
// nonce as they are (they prove nothing without the provider's one-time code,
// and the row is used once and lasts ten minutes). A person is linked to the
// provider's subject by the blind index of issuer and subject: a subject may
// be a user name, so it is not kept in clear (the issuer, a public address, is).
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })

  yield* sql`CREATE TABLE identity_provider_flows (
    state_hash TEXT PRIMARY KEY,
    browser_hash TEXT NOT NULL,
    verifier TEXT NOT NULL,
    nonce TEXT NOT NULL,
    created_at ${ts} NOT NULL,
    expires_at ${ts} NOT NULL,
    used_at ${ts}
  )`

  yield* sql`CREATE TABLE identity_provider_subjects (
    subject_index TEXT PRIMARY KEY,
    issuer TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES identity_people (id),
    linked_at ${ts} NOT NULL
  )`
  yield* sql`CREATE INDEX identity_provider_subjects_person ON identity_provider_subjects (person_id, issuer)`
})
