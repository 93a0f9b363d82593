// The open referrals that rely on a consent, found when the consent is
// withdrawn (they are cancelled with it): an index by consent.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX referrals_consent ON referrals (consent_id, status)`
})
