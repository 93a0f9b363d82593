/**
 * Every service the routes use, as one layer over a `SqlClient`: the security
 * services with their keys from configuration, each domain package over SQL,
 * and the ports joined in `Ports`. The entry (Node or Workers) provides the
 * `SqlClient`; tests provide a test database and test keys.
 */
import {
  ActionPlanService,
  type ActivityActionItems,
  type IndicatorSources,
  SqlActionPlanRepository,
} from "@bashke/action-plan"
import {
  BreakGlassReviewService,
  CaseNoticeFacts,
  CaseRounds,
  CaseService,
  CaseworkService,
  type ClosedCases,
  DocumentService,
  DocumentSettings,
  type DocumentStore,
  type ErasableRecords,
  type OpenCases,
  type PendingUploads,
  type PersonalData,
  type Signatories,
  SqlClosedCases,
  SqlDocumentStore,
  SqlErasableRecords,
  SqlOpenCases,
  SqlPendingUploads,
  SubjectAccessService,
} from "@bashke/case"
import {
  Credentials,
  type MemberInstitutions,
  Passkeys,
  People,
  ProviderFlows,
  ProviderSubjects,
  Sessions,
  SignInLinks,
} from "@bashke/identity"
import { Id } from "@bashke/kernel"
import { type Institutions, MechanismService, type Mechanisms, SqlInstitutionStore } from "@bashke/mechanism"
import {
  CalendarFeedService,
  type CalendarFeeds,
  type CaseAccess,
  type CaseSummaries,
  type MechanismRoster,
  MeetingRounds,
  MeetingService,
  type OverdueReferrals,
} from "@bashke/meeting"
import type { Recipients } from "@bashke/notifications"
import { Throttle } from "@bashke/persistence"
import { type CaseFacts, ReferralRounds, ReferralService } from "@bashke/referral"
import { PlanImplementation, SqlStatistics, type Statistics } from "@bashke/reporting"
import { AuditLog, BlindIndex, CaseKeys, Vault } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { type ConfigError, Layer, type Tracer } from "effect"
import { AccessCache } from "./AccessCache"
import { ApiTokens, type Lifetimes } from "./ApiTokens"
import type { PdfFont } from "./PdfFont"
import * as PdfFontLayers from "./PdfFont"
import * as PeopleRecipients from "./PeopleRecipients"
import * as Ports from "./Ports"
import * as RequestThrottle from "./RequestThrottle"

/** Everything a route handler may ask for. */
export type GatewayServices =
  | SqlClient.SqlClient
  | Id.IdGenerator
  | Vault.Vault
  | BlindIndex.BlindIndex
  | AuditLog.AuditLog
  | People.People
  | Sessions.Sessions
  | SignInLinks.SignInLinks
  | Credentials.Credentials
  | Passkeys.Passkeys
  | MemberInstitutions.MemberInstitutions
  | ProviderFlows.ProviderFlows
  | ProviderSubjects.ProviderSubjects
  | Throttle.Throttle
  | RequestThrottle.RequestThrottle
  | AccessCache
  | ApiTokens
  | MechanismService.MechanismService
  | Mechanisms.Mechanisms
  | Institutions.InstitutionStore
  | CaseService.CaseService
  | CaseNoticeFacts.CaseNoticeFacts
  | CaseRounds.CaseRounds
  | BreakGlassReviewService.BreakGlassReviewService
  | CaseworkService.CaseworkService
  | DocumentService.DocumentService
  | SubjectAccessService.SubjectAccessService
  | ClosedCases.ClosedCases
  | DocumentStore.DocumentStore
  | PendingUploads.PendingUploads
  | DocumentSettings.DocumentSettings
  | ErasableRecords.ErasableRecords
  | CaseKeys.CaseKeys
  | PersonalData.PersonalData
  | Signatories.Signatories
  | MeetingService.MeetingService
  | MeetingRounds.MeetingRounds
  | MechanismRoster.MechanismRoster
  | CaseSummaries.CaseSummaries
  | CaseAccess.CaseAccess
  | OverdueReferrals.OverdueReferrals
  | CalendarFeedService.CalendarFeedService
  | CalendarFeeds.FeedPrincipals
  | ReferralService.ReferralService
  | ReferralRounds.ReferralRounds
  | CaseFacts.CaseFacts
  | ActionPlanService.ActionPlanService
  | IndicatorSources.IndicatorSources
  | ActivityActionItems.ActivityActionItems
  | Statistics.Statistics
  | PlanImplementation.PlanImplementation
  | OpenCases.OpenCases
  | Recipients.Recipients
  | PdfFont

/** The keys of the vault and the blind index. */
export type Keys = Layer.Layer<Vault.Vault | BlindIndex.BlindIndex, ConfigError.ConfigError>

/** The keys from `BASHKE_VAULT_KEYS` and `BASHKE_BLIND_INDEX_KEY`. */
export const keysFromConfig: Keys = Layer.merge(Vault.layerConfig(), BlindIndex.layerConfig())

/** The public test keys: tests and the throwaway demo only. */
export const testKeys: Keys = Layer.merge(Vault.layerTest, BlindIndex.layerTest)

/**
 * Who notifications reach: by default the people of the identity package
 * (`PeopleRecipients`); a test may bind a table of its own.
 */
export type RecipientsLayer = Layer.Layer<Recipients.Recipients, never, SqlClient.SqlClient | People.People>

export interface Options {
  /** Who notifications reach (by default the people, `PeopleRecipients`). */
  readonly recipients?: RecipientsLayer
  /** How long API tokens live (`ApiTokens.defaultLifetimes` by default). */
  readonly tokenLifetimes?: Lifetimes
  /**
   * Where requests are counted: each principal's rate and each address's failed
   * authentications (`RequestThrottle.layerByDialect` by default).
   */
  readonly requestThrottle?: Layer.Layer<RequestThrottle.RequestThrottle, never, SqlClient.SqlClient>
  /** The limits on documents (by default from configuration, `DocumentSettings.config`). */
  readonly documents?: DocumentSettings.Settings
  /** The font PDFs are drawn in (none by default: `PdfFontFile.layer` on Node). */
  readonly pdfFont?: Layer.Layer<PdfFont>
  /**
   * Where the use cases' and SQL statements' spans go. None by default: then
   * tracing is off, since a span nobody receives still costs its making on
   * every request (5 % of a case read's CPU time on an idle machine, 20 % on a loaded one: `bench/profile.ts`).
   */
  readonly tracer?: Tracer.Tracer
}

/** Spans to the given tracer, or none made at all. */
export const tracing = (tracer: Tracer.Tracer | undefined): Layer.Layer<never> =>
  tracer === undefined ? Layer.setTracerEnabled(false) : Layer.setTracer(tracer)

/**
 * The services over the application's `SqlClient`, with the given keys (and,
 * optionally, another binding of the notifications' `Recipients`, token
 * lifetimes, or request throttle).
 */
export const layer = (
  keys: Keys,
  options: Options = {},
): Layer.Layer<Exclude<GatewayServices, SqlClient.SqlClient>, ConfigError.ConfigError, SqlClient.SqlClient> => {
  const foundation = Layer.mergeAll(
    keys,
    Id.layer,
    options.requestThrottle ?? RequestThrottle.layerByDialect,
    AccessCache.layer,
    options.documents === undefined ? DocumentSettings.layerConfig : DocumentSettings.layer(options.documents),
  )
  // Each case's data key (ADR 0012) beside the audit log: every case repository seals with it.
  const audit = Layer.merge(AuditLog.layer, CaseKeys.layer).pipe(Layer.provideMerge(foundation))
  // Sign-in throttles in the store, whatever the dialect: a sign-in is rare, and its
  // failures outlive a restart. Requests are counted apart (`RequestThrottle`).
  const identity = Layer.mergeAll(
    Sessions.layerSql,
    SignInLinks.layerSql,
    Credentials.layerSql,
    Passkeys.layerSql,
    Throttle.layerSql,
    ProviderFlows.layerSql,
    ProviderSubjects.layerSql,
  ).pipe(Layer.provideMerge(People.layerSql), Layer.provideMerge(audit))
  const mechanism = Layer.merge(MechanismService.layerSql, SqlInstitutionStore.layer).pipe(Layer.provideMerge(identity))
  const members = Layer.provideMerge(Ports.memberInstitutions, mechanism)
  // Each case service over its own stores, provided inside its layer: the bundle holds the services.
  const kase = Layer.mergeAll(
    BreakGlassReviewService.layerSql,
    CaseworkService.layerSql,
    CaseRounds.layerSql,
    DocumentService.layerSql,
    SubjectAccessService.layerSql,
    SqlClosedCases.layer,
    SqlDocumentStore.layer,
    SqlPendingUploads.layer,
    SqlErasableRecords.layer,
    options.pdfFont ?? PdfFontLayers.layerNone,
  ).pipe(
    // The case store, personal data and the case keys under them all.
    Layer.provideMerge(CaseService.layerSql),
    Layer.provideMerge(Ports.signatories),
    Layer.provideMerge(members),
  )
  // A notice's case facts read the case store inside their layer, beside the referrals.
  const referral = Layer.mergeAll(ReferralService.layerSql, ReferralRounds.layerSql, CaseNoticeFacts.layer).pipe(
    Layer.provideMerge(Ports.caseFacts),
    Layer.provideMerge(kase),
  )
  // The meetings' and action items' stores are the meeting services' own, provided inside their layers.
  const meeting = Layer.merge(MeetingService.layerSql, MeetingRounds.layerSql).pipe(
    Layer.provideMerge(
      Layer.mergeAll(Ports.mechanismRoster, Ports.caseSummaries, Ports.caseAccess, Ports.overdueReferrals),
    ),
    Layer.provideMerge(referral),
  )
  // The plans' store is the action-plan service's own; the plan implementation reads the same store.
  const actionPlan = Layer.merge(ActionPlanService.layerSql, SqlActionPlanRepository.layer).pipe(
    Layer.provideMerge(Layer.merge(Ports.indicatorSources, Ports.activityActionItems)),
    Layer.provideMerge(meeting),
  )
  const reporting = Layer.merge(SqlStatistics.layer, PlanImplementation.layerActionPlans).pipe(
    Layer.provideMerge(actionPlan),
  )
  // The feed store and the meetings it reads are the calendar service's own, provided inside its layer.
  const calendar = CalendarFeedService.layerSql.pipe(
    Layer.provideMerge(Ports.feedPrincipals),
    Layer.provideMerge(
      Layer.provideMerge(
        options.tokenLifetimes === undefined ? ApiTokens.layer : ApiTokens.layerWith(options.tokenLifetimes),
        reporting,
      ),
    ),
  )
  // Notifications: open cases as the due rules read them, and the people they reach.
  return Layer.provideMerge(
    Layer.mergeAll(SqlOpenCases.layer, options.recipients ?? PeopleRecipients.layer, tracing(options.tracer)),
    calendar,
  )
}
