// Indexes for paging the service directory by keyset (`ReferralRepository`'s
// `locationPage` and `servicePage`, ADR 0034): each list is ordered by id, and
// a filter that selects few entries of many walks its own index from the
// cursor's id, so a page costs the same however large the directory — the
// locations of a municipality or of a provider, the services of a
// municipality, of a type or of a provider. The providers are paged by their
// primary key. A service's languages (a JSON array) and activity are checked
// on the rows a walk reads: a language or activity is shared by many services,
// so they rarely leave long runs of rows to skip.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX referral_locations_municipality_page ON referral_locations (municipality, id)`
  yield* sql`CREATE INDEX referral_locations_institution_page ON referral_locations (institution_id, id)`
  yield* sql`CREATE INDEX referral_services_municipality_page ON referral_services (municipality, id)`
  yield* sql`CREATE INDEX referral_services_type_page ON referral_services (type, id)`
  yield* sql`CREATE INDEX referral_services_institution_page ON referral_services (institution_id, id)`
})
