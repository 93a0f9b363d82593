// Indexes for paging referral lists by keyset (`ReferralRepository.casePage`,
// `mechanismPage`): each walk below starts at the cursor's id and stops after
// a page, so a page costs the same at a hundred referrals as at a million.
// A mechanism's list (the coordinator's), by status (`(mechanism_id, status,
// id)` also serves the look-up by status that `referrals_mechanism` did, so it
// replaces it), and a member institution's sent and received lists, walked one
// index each and merged. A member's list of one status walks its sent and
// received indexes and skips the other statuses.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX referrals_case_page ON referrals (case_id, id)`
  yield* sql`CREATE INDEX referrals_mechanism_page ON referrals (mechanism_id, id)`
  yield* sql`CREATE INDEX referrals_mechanism_status_page ON referrals (mechanism_id, status, id)`
  yield* sql`DROP INDEX referrals_mechanism`
  yield* sql`CREATE INDEX referrals_sent_page ON referrals (mechanism_id, from_institution, id)`
  yield* sql`CREATE INDEX referrals_received_page ON referrals (mechanism_id, to_institution, id)`
})
