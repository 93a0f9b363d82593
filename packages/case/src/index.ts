/**
 * `@bashke/case`: the case of a survivor of domestic violence, shared by a case
 * team — reference, persons (identifying details sealed), incidents, risk
 * instruments and assessments, conference eligibility, protection orders and
 * their deadlines, safety plan, consent, case team and lifecycle — and the
 * pseudonymised summary that meetings and statistics see.
 */

/**
 * The case aggregate and the rules that need all of it.
 */
export * as Case from "./Case"
/**
 * What an open case makes due: order decisions, expiries, extensions,
 * hearings and reassessments.
 */
export * as CaseDue from "./CaseDue"
/**
 * The case's status as a state machine, closure and reopen reasons.
 */
export * as CaseLifecycle from "./CaseLifecycle"
/**
 * The case package's part of the message catalogue (model).
 */
export * as CaseMessages from "./CaseMessages"
export { caseMessages } from "./CaseMessages"
/**
 * Case references, `GJI-2026-0042`: format and parse.
 */
export * as CaseReference from "./CaseReference"
/**
 * The pseudonymised case summary.
 */
export * as CaseSummary from "./CaseSummary"
/**
 * The case team: lead, members, access levels.
 */
export * as CaseTeam from "./CaseTeam"
/**
 * Grounds for a case conference.
 */
export * as ConferenceEligibility from "./ConferenceEligibility"
/**
 * The survivor's consent to share, and its withdrawal.
 */
export * as Consent from "./Consent"
/**
 * Incidents: date, place, forms of violence, children, source.
 */
export * as Incident from "./Incident"
/**
 * The DASH-style risk checklist (24 questions).
 */
export * as Dash from "./instruments/Dash"
/**
 * The Kosovo police early risk assessment (project draft).
 */
export * as KosovoPoliceEarlyAssessment from "./instruments/KosovoPoliceEarlyAssessment"
/**
 * Persons of a case and their sealed personal details.
 */
export * as Person from "./Person"
/**
 * Protection orders: kinds, dates, status, breaches.
 */
export * as ProtectionOrder from "./ProtectionOrder"
/**
 * Protection order deadlines and reminders.
 */
export * as ProtectionOrderDeadlines from "./ProtectionOrderDeadlines"

/**
 * A protection order's status as a state machine, and its events.
 */
export * as ProtectionOrderLifecycle from "./ProtectionOrderLifecycle"

/**
 * The perpetrator's relationship to the victim (Law 03/L-182 art. 2).
 */
export * as Relationship from "./Relationship"

/**
 * Risk assessments: scoring, professional judgement, reassessment.
 */
export * as RiskAssessment from "./RiskAssessment"

/**
 * The risk instrument engine: instruments as data, scoring, levels.
 */
export * as RiskInstrument from "./RiskInstrument"

/**
 * A case's risk level and the order of the levels (also in `RiskInstrument`),
 * without the instruments' schemas: for a page or a client that only filters
 * by level.
 */
export * as RiskLevel from "./RiskLevel"

/**
 * The safety plan: measures, owners, review dates.
 */
export * as SafetyPlan from "./SafetyPlan"

// ---------------------------------------------------------------------------
// Persistence and use cases

/**
 * The sweep of abandoned uploads: the chunks of an upload whose process died.
 */
export * as AbandonedUploads from "./AbandonedUploads"
/**
 * A break-glass read waiting for the coordinator's verdict: the model.
 */
export * as BreakGlassReview from "./BreakGlassReview"
/**
 * The port through which break-glass reviews are stored.
 */
export * as BreakGlassReviewRepository from "./BreakGlassReviewRepository"
/**
 * The coordinator's review of break-glass reads as a service, over its store.
 */
export * as BreakGlassReviewService from "./BreakGlassReviewService"
/**
 * The coordinator's review list of break-glass reads, and the verdict that closes one.
 */
export * as BreakGlassReviews from "./BreakGlassReviews"
/**
 * The inputs of the use cases, as schemas.
 */
export * as CaseCommands from "./CaseCommands"
/**
 * Erasure on request: an administrator erases a closed case's personal data
 * with a legal reason, by destroying its data key (ADR 0012).
 */
export * as CaseErasure from "./CaseErasure"
/**
 * The outbox topics of the case package (ids and codes only in every payload).
 */
export * as CaseEvents from "./CaseEvents"
/**
 * The case package's migrations.
 */
export { caseMigrations } from "./CaseMigrations"
/**
 * A case note: visibility, versions, corrections.
 */
export * as CaseNote from "./CaseNote"
/**
 * The port through which case notes are stored.
 */
export * as CaseNoteRepository from "./CaseNoteRepository"
/**
 * Write, list, read the history of and correct case notes (sealed, audited).
 */
export * as CaseNotes from "./CaseNotes"
/**
 * What a notice about a case is decided on, read for callers outside the package.
 */
export * as CaseNoticeFacts from "./CaseNoticeFacts"
/**
 * The repository port of the case aggregate.
 */
export * as CaseRepository from "./CaseRepository"
/**
 * The retention job: closed cases past their retention period erased by
 * crypto-shredding, a round at a time.
 */
export * as CaseRetention from "./CaseRetention"
/**
 * A conference review of a case: the survivor's wishes, the outcomes.
 */
export * as CaseReview from "./CaseReview"
/**
 * The port through which case reviews are stored.
 */
export * as CaseReviewRepository from "./CaseReviewRepository"
/**
 * Record a conference review (the survivor's wishes sealed) and list a case's reviews.
 */
export * as CaseReviews from "./CaseReviews"
/**
 * The background rounds as one service (order expiry, retention), over their stores.
 */
export * as CaseRounds from "./CaseRounds"
/**
 * The use cases: open, persons, incidents, risk, orders, safety plan, consent,
 * team, lifecycle, reviews, summaries, personal reads with a purpose.
 */
export * as CaseService from "./CaseService"
/**
 * The case package's part of the message catalogue (use cases and store).
 */
export * as CaseStoreMessages from "./CaseStoreMessages"
export { caseStoreMessages } from "./CaseStoreMessages"
/**
 * A case moving to another mechanism: proposal, decision, rules.
 */
export * as CaseTransfer from "./CaseTransfer"
/**
 * The port through which case transfers are stored.
 */
export * as CaseTransferRepository from "./CaseTransferRepository"
/**
 * Propose, accept, decline and list case transfers.
 */
export * as CaseTransfers from "./CaseTransfers"
/**
 * The catalogue part of case notes and corrections.
 */
export { caseworkMessages } from "./CaseworkMessages"
/**
 * The casework around a case as one service (notes, corrections, reviews,
 * transfers, safe contacts, what she was told, erasure), over their stores.
 */
export * as CaseworkService from "./CaseworkService"
/**
 * A closed case in the mechanism's register, its search filter and who may search.
 */
export * as ClosedCase from "./ClosedCase"
/**
 * Search a mechanism's closed cases (pseudonymised), to reopen one.
 */
export * as ClosedCaseSearch from "./ClosedCaseSearch"
/**
 * The port through which the register of closed cases is read.
 */
export * as ClosedCases from "./ClosedCases"
/**
 * A correction of a recorded fact: what changed, the previous values, who and why.
 */
export * as Correction from "./Correction"
/**
 * The port through which corrections are stored.
 */
export * as CorrectionRepository from "./CorrectionRepository"
/**
 * Correct a person or an incident (with a reason, the previous value kept) and list the corrections.
 */
export * as Corrections from "./Corrections"
/**
 * A document of a case: what it is, what it is attached to, its receipt.
 */
export * as Document from "./Document"
/**
 * The messages of documents.
 */
export { documentMessages } from "./DocumentMessages"
/**
 * The port through which documents' records are kept (for the subject-access
 * export too: a person's documents).
 */
export * as DocumentRepository from "./DocumentRepository"
/**
 * A case's documents as a service, over their records, bytes and pending uploads.
 */
export * as DocumentService from "./DocumentService"
/**
 * The limits on documents: largest size, accepted types (configuration).
 */
export * as DocumentSettings from "./DocumentSettings"
/**
 * The port where documents' encrypted contents are kept (an S3-compatible
 * store may replace the database's).
 */
export * as DocumentStore from "./DocumentStore"
/**
 * Upload, list, open for download and withdraw documents (encrypted in
 * chunks, audited).
 */
export * as Documents from "./Documents"
/**
 * A document's type told from its bytes.
 */
export * as DocumentType from "./DocumentType"
/**
 * What the open cases of a mechanism make due, read through `OpenCases`.
 */
export * as DueCases from "./DueCases"
/**
 * The port through which erasure reaches a case's stored records.
 */
export * as ErasableRecords from "./ErasableRecords"
/**
 * The catalogue part of retention and erasure (the erased marker, the rules).
 */
export { erasureMessages } from "./ErasureMessages"
/**
 * The port through which due items and notifications read open cases.
 */
export * as OpenCases from "./OpenCases"
/**
 * What a protection order forbids or requires, as data (kinds from the profile).
 */
export * as OrderCondition from "./OrderCondition"
/**
 * Orders past their end expire by themselves, with an event.
 */
export * as OrderExpiry from "./OrderExpiry"
/**
 * The port through which uploads in progress are known, so abandoned ones are swept.
 */
export * as PendingUploads from "./PendingUploads"
/**
 * Personal details sealed by the vault, indexed by the blind index, audited.
 */
export * as PersonalData from "./PersonalData"
/**
 * The gapless reference sequence per mechanism and year.
 */
export * as ReferenceSequence from "./ReferenceSequence"
/**
 * The retention rule: when a closed case is past the profile's periods.
 */
export * as Retention from "./Retention"
/**
 * How a survivor may be reached safely, as data (sealed whole).
 */
export * as SafeContact from "./SafeContact"
/**
 * The port through which safe contacts are stored.
 */
export * as SafeContactRepository from "./SafeContactRepository"
/**
 * Record and read (for a purpose, audited) a survivor's safe contact.
 */
export * as SafeContacts from "./SafeContacts"
/**
 * The port of the memorandum's signatories, wired to `@bashke/mechanism` by the app.
 */
export * as Signatories from "./Signatories"
/**
 * The break-glass review repository on `@effect/sql` (SQLite and PostgreSQL; reasons sealed).
 */
export * as SqlBreakGlassReviewRepository from "./SqlBreakGlassReviewRepository"
/**
 * The case-note repository on `@effect/sql` (SQLite and PostgreSQL).
 */
export * as SqlCaseNoteRepository from "./SqlCaseNoteRepository"
/**
 * The case repository on `@effect/sql` (SQLite and PostgreSQL).
 */
export * as SqlCaseRepository from "./SqlCaseRepository"
/**
 * The `CaseReviewRepository` on `@effect/sql` (SQLite and PostgreSQL).
 */
export * as SqlCaseReviewRepository from "./SqlCaseReviewRepository"
/**
 * The `CaseTransferRepository` on `@effect/sql` (SQLite and PostgreSQL).
 */
export * as SqlCaseTransferRepository from "./SqlCaseTransferRepository"
/**
 * The register of closed cases on `@effect/sql` (SQLite and PostgreSQL).
 */
export * as SqlClosedCases from "./SqlClosedCases"
/**
 * The `CorrectionRepository` on `@effect/sql` (SQLite and PostgreSQL).
 */
export * as SqlCorrectionRepository from "./SqlCorrectionRepository"
/**
 * The document records' repository on `@effect/sql`.
 */
export * as SqlDocumentRepository from "./SqlDocumentRepository"
/**
 * The documents' contents in the database (the default `DocumentStore`).
 */
export * as SqlDocumentStore from "./SqlDocumentStore"
/**
 * The `ErasableRecords` port on `@effect/sql`.
 */
export * as SqlErasableRecords from "./SqlErasableRecords"
/**
 * `OpenCases` on `@effect/sql` (SQLite and PostgreSQL).
 */
export * as SqlOpenCases from "./SqlOpenCases"
/**
 * Uploads in progress in the database (`PendingUploads`).
 */
export * as SqlPendingUploads from "./SqlPendingUploads"
/**
 * The `SafeContactRepository` on `@effect/sql` (SQLite and PostgreSQL).
 */
export * as SqlSafeContactRepository from "./SqlSafeContactRepository"
/**
 * The log of what the survivor was told on `@effect/sql` (SQLite and PostgreSQL).
 */
export * as SqlSurvivorInformedRepository from "./SqlSurvivorInformedRepository"
/**
 * The subject-access export: everything held about one person, for the
 * auditor (the data-protection role), audited as an export.
 */
export * as SubjectAccess from "./SubjectAccess"
/**
 * What a subject-access export holds (the schema of its JSON).
 */
export * as SubjectAccessExport from "./SubjectAccessExport"
/**
 * A subject-access export as a readable PDF in the requested language.
 */
export * as SubjectAccessPdf from "./SubjectAccessPdf"
/**
 * A person's subject-access export as a service, over every store it reads.
 */
export * as SubjectAccessService from "./SubjectAccessService"
/**
 * The port through which an export lists a person's documents (records, never content).
 */
export * as SubjectDocuments from "./SubjectDocuments"
/**
 * Record and list what the survivor was told (sealed, audited).
 */
export * as SurvivorInformation from "./SurvivorInformation"
/**
 * What the survivor was told: an entry of the log, its topics and its rule.
 */
export * as SurvivorInformed from "./SurvivorInformed"
/**
 * The port through which the log of what the survivor was told is stored.
 */
export * as SurvivorInformedRepository from "./SurvivorInformedRepository"
