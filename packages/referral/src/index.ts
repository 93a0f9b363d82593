/**
 * `@bashke/referral`: a service directory shaped after Open Referral HSDS, and
 * closed-loop referrals from an institution to a directory service for a case —
 * guarded by consent, with deadlines by urgency, overdue detection,
 * response-time figures, and HSDS and FHIR R4 exports.
 *
 * @since 0.1.0
 */

/**
 * The port through which referrals read a case's mechanism, risk and consents.
 *
 * @since 0.1.0
 */
export * as CaseFacts from "./CaseFacts"

/**
 * A withdrawn consent cancels the open referrals that relied on it.
 *
 * @since 0.1.0
 */
export * as ConsentWithdrawal from "./ConsentWithdrawal"
/**
 * The service directory: organisations, locations, services, capacity.
 *
 * @since 0.1.0
 */
export * as Directory from "./Directory"
/**
 * What the referrals of a mechanism waiting for an answer make due.
 *
 * @since 0.1.0
 */
export * as DueReferrals from "./DueReferrals"

/**
 * Who may write the service directory: an institution's own people, or an administrator.
 *
 * @since 0.1.0
 */
export * as DirectoryPolicy from "./DirectoryPolicy"

/**
 * A referral as FHIR R4 `ServiceRequest` and `Task`, with the status mapping.
 *
 * @since 0.1.0
 */
export * as FhirExport from "./FhirExport"

/**
 * The directory as Open Referral HSDS 3.0 JSON.
 *
 * @since 0.1.0
 */
export * as HsdsExport from "./HsdsExport"

/**
 * The referral aggregate: basis, urgency, status, history.
 *
 * @since 0.1.0
 */
export * as Referral from "./Referral"

/**
 * Deadlines by urgency and overdue detection.
 *
 * @since 0.1.0
 */
export * as ReferralDeadlines from "./ReferralDeadlines"

/**
 * What an unanswered referral makes due: acknowledge and decide, reminded,
 * overdue and escalated.
 *
 * @since 0.1.0
 */
export * as ReferralDue from "./ReferralDue"

/**
 * The guards a referral passes before it is sent.
 *
 * @since 0.1.0
 */
export * as ReferralGuards from "./ReferralGuards"

/**
 * The referral's lifecycle as a state machine.
 *
 * @since 0.1.0
 */
export * as ReferralLifecycle from "./ReferralLifecycle"

/**
 * The referral package's part of the message catalogue.
 *
 * @since 0.1.0
 */
export * as ReferralMessages from "./ReferralMessages"

/**
 * @since 0.1.0
 */
export { referralMessages } from "./ReferralMessages"

/**
 * Response-time figures per institution and service.
 *
 * @since 0.1.0
 */
export * as ResponseTimes from "./ResponseTimes"

/**
 * The service types a directory lists.
 *
 * @since 0.1.0
 */
export * as ServiceType from "./ServiceType"

// ---------------------------------------------------------------------------
// Persistence and use cases

/**
 * The outbox topics of the referral package.
 *
 * @since 0.1.0
 */
export * as ReferralEvents from "./ReferralEvents"

/**
 * The referral package's migrations.
 *
 * @since 0.1.0
 */
export { referralMigrations } from "./ReferralMigrations"

/**
 * The repository port of the directory and the referrals.
 *
 * @since 0.1.0
 */
export * as ReferralRepository from "./ReferralRepository"

/**
 * The use cases: directory, send, lifecycle, overdue, response times.
 *
 * @since 0.1.0
 */
export * as ReferralService from "./ReferralService"

/**
 * The referral repository on `@effect/sql` (SQLite and PostgreSQL).
 *
 * @since 0.1.0
 */
export * as SqlReferralRepository from "./SqlReferralRepository"
