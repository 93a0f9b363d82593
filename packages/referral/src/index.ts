/**
 * `@bashke/referral`: a service directory shaped after Open Referral HSDS, and
 * closed-loop referrals from an institution to a directory service for a case —
 * guarded by consent, with deadlines by urgency, overdue detection,
 * response-time figures, and HSDS and FHIR R4 exports.
 */

/**
 * The port through which referrals read a case's mechanism, risk and consents.
 */
export * as CaseFacts from "./CaseFacts"

/**
 * A withdrawn consent cancels the open referrals that relied on it.
 */
export * as ConsentWithdrawal from "./ConsentWithdrawal"
/**
 * The service directory: organisations, locations, services, capacity.
 */
export * as Directory from "./Directory"
/**
 * The service directory's providers, locations and services as pages, paged in SQL by keyset.
 */
export * as DirectoryPages from "./DirectoryPages"
/**
 * Who may write the service directory: an institution's own people, or an administrator.
 */
export * as DirectoryPolicy from "./DirectoryPolicy"
/**
 * What the referrals of a mechanism waiting for an answer make due.
 */
export * as DueReferrals from "./DueReferrals"

/**
 * A referral as FHIR R4 `ServiceRequest` and `Task`, with the status mapping.
 */
export * as FhirExport from "./FhirExport"

/**
 * The directory as Open Referral HSDS 3.0 JSON.
 */
export * as HsdsExport from "./HsdsExport"

/**
 * The referral aggregate: basis, urgency, status, history.
 */
export * as Referral from "./Referral"

/**
 * Deadlines by urgency and overdue detection.
 */
export * as ReferralDeadlines from "./ReferralDeadlines"

/**
 * What an unanswered referral makes due: acknowledge and decide, reminded,
 * overdue and escalated.
 */
export * as ReferralDue from "./ReferralDue"

/**
 * The guards a referral passes before it is sent.
 */
export * as ReferralGuards from "./ReferralGuards"
/**
 * The referral's lifecycle as a state machine.
 */
export * as ReferralLifecycle from "./ReferralLifecycle"
/**
 * A case's and a mechanism's referrals, the mechanism's filtered by `ReferralPolicy`.
 */
export * as ReferralLists from "./ReferralLists"

/**
 * The referral package's part of the message catalogue.
 */
export * as ReferralMessages from "./ReferralMessages"

export { referralMessages } from "./ReferralMessages"

/**
 * Who may send and see referrals: the case team sends; the parties, the case
 * team and the coordinator read.
 */
export * as ReferralPolicy from "./ReferralPolicy"

/**
 * Response-time figures per institution and service.
 */
export * as ResponseTimes from "./ResponseTimes"

/**
 * The service types a directory lists.
 */
export * as ServiceType from "./ServiceType"

// ---------------------------------------------------------------------------
// Persistence and use cases

/**
 * The outbox topics of the referral package.
 */
export * as ReferralEvents from "./ReferralEvents"

/**
 * The referral package's migrations.
 */
export { referralMigrations } from "./ReferralMigrations"

/**
 * The repository port of the directory and the referrals.
 */
export * as ReferralRepository from "./ReferralRepository"

/**
 * What the notifications' scheduler asks of referrals (due items, cancellations on a withdrawn consent), as a service.
 */
export * as ReferralRounds from "./ReferralRounds"
/**
 * The use cases: directory, send, lifecycle, overdue, response times.
 */
export * as ReferralService from "./ReferralService"

/**
 * The referral repository on `@effect/sql` (SQLite and PostgreSQL).
 */
export * as SqlReferralRepository from "./SqlReferralRepository"
