/**
 * `@bashke/case`: the case of a survivor of domestic violence, shared by a case
 * team — reference, persons (identifying details sealed), incidents, risk
 * instruments and assessments, conference eligibility, protection orders and
 * their deadlines, safety plan, consent, case team and lifecycle — and the
 * pseudonymised summary that meetings and statistics see.
 *
 * @since 0.1.0
 */

/**
 * The case aggregate and the rules that need all of it.
 *
 * @since 0.1.0
 */
export * as Case from "./Case"
/**
 * What an open case makes due: order decisions, expiries, extensions,
 * hearings and reassessments.
 *
 * @since 0.1.0
 */
export * as CaseDue from "./CaseDue"
/**
 * The case's status as a state machine, closure and reopen reasons.
 *
 * @since 0.1.0
 */
export * as CaseLifecycle from "./CaseLifecycle"
/**
 * The case package's part of the message catalogue (model).
 *
 * @since 0.1.0
 */
export * as CaseMessages from "./CaseMessages"
/**
 * @since 0.1.0
 */
export { caseMessages } from "./CaseMessages"
/**
 * Case references, `GJI-2026-0042`: format and parse.
 *
 * @since 0.1.0
 */
export * as CaseReference from "./CaseReference"
/**
 * The pseudonymised case summary.
 *
 * @since 0.1.0
 */
export * as CaseSummary from "./CaseSummary"
/**
 * The case team: lead, members, access levels.
 *
 * @since 0.1.0
 */
export * as CaseTeam from "./CaseTeam"
/**
 * Grounds for a case conference.
 *
 * @since 0.1.0
 */
export * as ConferenceEligibility from "./ConferenceEligibility"
/**
 * The survivor's consent to share, and its withdrawal.
 *
 * @since 0.1.0
 */
export * as Consent from "./Consent"
/**
 * Incidents: date, place, forms of violence, children, source.
 *
 * @since 0.1.0
 */
export * as Incident from "./Incident"
/**
 * The DASH-style risk checklist (24 questions).
 *
 * @since 0.1.0
 */
export * as Dash from "./instruments/Dash"
/**
 * The Kosovo police early risk assessment (project draft).
 *
 * @since 0.1.0
 */
export * as KosovoPoliceEarlyAssessment from "./instruments/KosovoPoliceEarlyAssessment"
/**
 * Persons of a case and their sealed personal details.
 *
 * @since 0.1.0
 */
export * as Person from "./Person"
/**
 * Protection orders: kinds, dates, status, breaches.
 *
 * @since 0.1.0
 */
export * as ProtectionOrder from "./ProtectionOrder"
/**
 * Protection order deadlines and reminders.
 *
 * @since 0.1.0
 */
export * as ProtectionOrderDeadlines from "./ProtectionOrderDeadlines"

/**
 * A protection order's status as a state machine, and its events.
 *
 * @since 0.1.0
 */
export * as ProtectionOrderLifecycle from "./ProtectionOrderLifecycle"

/**
 * The perpetrator's relationship to the victim (Law 03/L-182 art. 2).
 *
 * @since 0.1.0
 */
export * as Relationship from "./Relationship"

/**
 * Risk assessments: scoring, professional judgement, reassessment.
 *
 * @since 0.1.0
 */
export * as RiskAssessment from "./RiskAssessment"

/**
 * The risk instrument engine: instruments as data, scoring, levels.
 *
 * @since 0.1.0
 */
export * as RiskInstrument from "./RiskInstrument"

/**
 * The safety plan: measures, owners, review dates.
 *
 * @since 0.1.0
 */
export * as SafetyPlan from "./SafetyPlan"

// ---------------------------------------------------------------------------
// Persistence and use cases

/**
 * A break-glass read waiting for the coordinator's verdict: the model.
 *
 * @since 0.1.0
 */
export * as BreakGlassReview from "./BreakGlassReview"
/**
 * The port through which break-glass reviews are stored.
 *
 * @since 0.1.0
 */
export * as BreakGlassReviewRepository from "./BreakGlassReviewRepository"
/**
 * The coordinator's review list of break-glass reads, and the verdict that closes one.
 *
 * @since 0.1.0
 */
export * as BreakGlassReviews from "./BreakGlassReviews"
/**
 * The inputs of the use cases, as schemas.
 *
 * @since 0.1.0
 */
export * as CaseCommands from "./CaseCommands"

/**
 * The outbox topics of the case package (ids and codes only in every payload).
 *
 * @since 0.1.0
 */
export * as CaseEvents from "./CaseEvents"

/**
 * The case package's migrations.
 *
 * @since 0.1.0
 */
export { caseMigrations } from "./CaseMigrations"
/**
 * A case note: visibility, versions, corrections.
 *
 * @since 0.1.0
 */
export * as CaseNote from "./CaseNote"
/**
 * The port through which case notes are stored.
 *
 * @since 0.1.0
 */
export * as CaseNoteRepository from "./CaseNoteRepository"
/**
 * Write, list, read the history of and correct case notes (sealed, audited).
 *
 * @since 0.1.0
 */
export * as CaseNotes from "./CaseNotes"
/**
 * The repository port of the case aggregate.
 *
 * @since 0.1.0
 */
export * as CaseRepository from "./CaseRepository"
/**
 * The use cases: open, persons, incidents, risk, orders, safety plan, consent,
 * team, lifecycle, reviews, summaries, personal reads with a purpose.
 *
 * @since 0.1.0
 */
export * as CaseService from "./CaseService"
/**
 * The case package's part of the message catalogue (use cases and store).
 *
 * @since 0.1.0
 */
export * as CaseStoreMessages from "./CaseStoreMessages"
/**
 * @since 0.1.0
 */
export { caseStoreMessages } from "./CaseStoreMessages"
/**
 * The catalogue part of case notes and corrections.
 *
 * @since 0.1.0
 */
export { caseworkMessages } from "./CaseworkMessages"
/**
 * A closed case in the mechanism's register, its search filter and who may search.
 *
 * @since 0.1.0
 */
export * as ClosedCase from "./ClosedCase"
/**
 * Search a mechanism's closed cases (pseudonymised), to reopen one.
 *
 * @since 0.1.0
 */
export * as ClosedCaseSearch from "./ClosedCaseSearch"
/**
 * The port through which the register of closed cases is read.
 *
 * @since 0.1.0
 */
export * as ClosedCases from "./ClosedCases"
/**
 * What the open cases of a mechanism make due, read through `OpenCases`.
 *
 * @since 0.1.0
 */
export * as DueCases from "./DueCases"
/**
 * The port through which due items and notifications read open cases.
 *
 * @since 0.1.0
 */
export * as OpenCases from "./OpenCases"
/**
 * Personal details sealed by the vault, indexed by the blind index, audited.
 *
 * @since 0.1.0
 */
export * as PersonalData from "./PersonalData"
/**
 * The gapless reference sequence per mechanism and year.
 *
 * @since 0.1.0
 */
export * as ReferenceSequence from "./ReferenceSequence"
/**
 * The port of the memorandum's signatories, wired to `@bashke/mechanism` by the app.
 *
 * @since 0.1.0
 */
export * as Signatories from "./Signatories"
/**
 * The break-glass review repository on `@effect/sql` (SQLite and PostgreSQL; reasons sealed).
 *
 * @since 0.1.0
 */
export * as SqlBreakGlassReviewRepository from "./SqlBreakGlassReviewRepository"
/**
 * The case-note repository on `@effect/sql` (SQLite and PostgreSQL).
 *
 * @since 0.1.0
 */
export * as SqlCaseNoteRepository from "./SqlCaseNoteRepository"
/**
 * The case repository on `@effect/sql` (SQLite and PostgreSQL).
 *
 * @since 0.1.0
 */
export * as SqlCaseRepository from "./SqlCaseRepository"
/**
 * The register of closed cases on `@effect/sql` (SQLite and PostgreSQL).
 *
 * @since 0.1.0
 */
export * as SqlClosedCases from "./SqlClosedCases"
/**
 * `OpenCases` on `@effect/sql` (SQLite and PostgreSQL).
 *
 * @since 0.1.0
 */
export * as SqlOpenCases from "./SqlOpenCases"
