/**
 * A jurisdiction profile: every legal or practice number the platform computes
 * with — deadlines, durations, meeting cadence, thresholds — and the languages,
 * time zone and law references of one country, versioned. A legal number appears
 * once, here; another country is a new profile, not a fork.
 *
 * Each number records whether it is confirmed and its source. Unconfirmed numbers
 * are settings with a documented default: {@link unconfirmed} lists them for a
 * settings screen.
 */
import { Clock, Context, Effect, Schema } from "effect"
import * as Catalogue from "./Catalogue"
import * as CivilDate from "./CivilDate"
import * as Locale from "./Locale"
import { LocalizedText } from "./LocalizedText"
import { kernelMessages } from "./Messages"
import { Sector } from "./Sector"

/**
 * The unit of a legal number.
 */
export const Unit = Schema.Literal("hours", "days", "working-days", "weeks", "months", "count", "per-year", "euro")

export type Unit = typeof Unit.Type

const provenance = {
  /** Checked against `source`; false for a project default awaiting confirmation. */
  confirmed: Schema.Boolean,
  /** Where the value comes from (law and article, memorandum, practice, project default). */
  source: Schema.NonEmptyTrimmedString,
}

const Amount = Schema.Number.pipe(Schema.finite(), Schema.nonNegative())

const legalNumberIn = <const Units extends ReadonlyArray<Unit>>(...units: Units) =>
  Schema.Struct({ value: Amount, unit: Schema.Literal(...units), ...provenance })

/**
 * A number with its unit and provenance: `{ value: 24, unit: "hours",
 * confirmed: false, source: "…" }`.
 */
export const LegalNumber = Schema.Struct({ value: Amount, unit: Unit, ...provenance }).annotations({
  identifier: "LegalNumber",
})

export type LegalNumber = typeof LegalNumber.Type

/**
 * A legal number that is a span of time.
 */
export const LegalDuration = legalNumberIn("hours", "days", "working-days", "weeks", "months").annotations({
  identifier: "LegalDuration",
})

/**
 * A legal number that counts something.
 */
export const LegalCount = legalNumberIn("count").annotations({ identifier: "LegalCount" })

/**
 * A legal value that is not a number (a rule, a flag, a sector), with provenance.
 */
export const LegalSetting = <S extends Schema.Schema.Any>(value: S) => Schema.Struct({ value, ...provenance })

/**
 * A legal value with provenance, as a type.
 */
export interface LegalSetting<A> {
  readonly value: A
  readonly confirmed: boolean
  readonly source: string
}

/**
 * A meeting's quorum rule, counted over member institutions.
 */
export const Quorum = Schema.Literal("more-than-half", "two-thirds", "all").annotations({ identifier: "Quorum" })

export type Quorum = typeof Quorum.Type

/**
 * Whether `present` of `members` member institutions meet the quorum. No quorum
 * without members.
 */
export const quorumMet = (rule: Quorum, present: number, members: number): boolean => {
  if (members <= 0) return false
  switch (rule) {
    case "more-than-half":
      return present * 2 > members
    case "two-thirds":
      return present * 3 >= members * 2
    case "all":
      return present >= members
  }
}

const Code = Schema.String.pipe(Schema.pattern(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/))

/**
 * A law, procedure or agreement the profile's numbers come from. `reviewed` is
 * false for a text the project has not read yet.
 */
export const LawReference = Schema.Struct({
  code: Schema.NonEmptyTrimmedString,
  kind: Schema.Literal("law", "regulation", "procedure", "memorandum", "convention"),
  title: LocalizedText,
  year: Schema.Int,
  reviewed: Schema.Boolean,
}).annotations({ identifier: "LawReference" })

export type LawReference = typeof LawReference.Type

/**
 * What a condition of a protection order must state: a distance to keep (in
 * metres), the kinds of places to stay away from, the children it concerns.
 */
export const OrderConditionNeed = Schema.Literal("distance", "places", "children").annotations({
  identifier: "OrderConditionNeed",
})

export type OrderConditionNeed = typeof OrderConditionNeed.Type

/**
 * One kind of condition a protection order may impose, as the law lists its
 * measures (no contact, stay away, removal from the home, temporary custody,
 * surrender of weapons…): its name, what an order imposing it must state,
 * and where the kind comes from.
 */
export const OrderConditionKind = Schema.Struct({
  name: LocalizedText,
  needs: Schema.Array(OrderConditionNeed),
  ...provenance,
}).annotations({ identifier: "OrderConditionKind" })

export type OrderConditionKind = typeof OrderConditionKind.Type

/**
 * One kind of protection order: who issues it, how fast a court must decide on
 * it, how long it lasts, and when to remind about an extension.
 */
export const ProtectionOrderKind = Schema.Struct({
  name: LocalizedText,
  issuedBy: Schema.Literal("court", "police"),
  decisionWithin: Schema.optional(LegalDuration),
  duration: LegalDuration,
  extensionReminderBeforeExpiry: Schema.optional(LegalDuration),
}).annotations({ identifier: "ProtectionOrderKind" })

export type ProtectionOrderKind = typeof ProtectionOrderKind.Type

const TimeZone = Schema.String.pipe(
  Schema.filter(
    (zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone })
        return true
      } catch {
        return false
      }
    },
    { identifier: "TimeZone", description: "an IANA time zone, e.g. Europe/Belgrade" },
  ),
)

/**
 * A jurisdiction profile.
 */
export const JurisdictionProfile = Schema.Struct({
  /** Short code; `xk` for Kosovo. */
  id: Code,
  name: LocalizedText,
  /** Increases with every change of a value; records keep the version they were computed with. */
  version: Schema.Int.pipe(Schema.positive()),
  /** The first day this version applies to. */
  effectiveFrom: CivilDate.CivilDate,
  laws: Schema.Array(LawReference),
  /** Deadlines run in this zone (a day ends at local midnight). */
  timezone: TimeZone,
  languages: Schema.Struct({
    /** Languages in official use (ISO 639); municipalities may add more. */
    official: Schema.NonEmptyArray(Locale.LanguageCode),
    /** Interface locales offered, in order. */
    locales: Schema.NonEmptyArray(Locale.Locale),
    defaultLocale: Locale.Locale,
  }),
  meetings: Schema.Struct({
    minimumPerYear: legalNumberIn("per-year"),
    adHocScheduleWithin: LegalDuration,
    adHocUrgentScheduleWithin: LegalDuration,
    quorum: LegalSetting(Quorum),
    minutesCirculatedWithin: LegalDuration,
    caseAnniversaryNotice: LegalDuration,
    /** How long before an action item's due date to remind its owner institution. */
    actionItemReminderBefore: LegalDuration,
  }),
  protectionOrders: Schema.Struct({
    kinds: Schema.Record({ key: Code, value: ProtectionOrderKind }),
    /** The conditions an order may impose, by code (`stay-away`). */
    conditions: Schema.Record({ key: Code, value: OrderConditionKind }),
    breach: Schema.Struct({
      maxFine: legalNumberIn("euro"),
      maxImprisonment: LegalDuration,
    }),
    /**
     * How long before a court hearing on an order to remind the case team (the
     * victim may need accompanying, evidence and an interpreter arranged).
     */
    hearingReminderBefore: LegalDuration,
    /**
     * How long before an issued order expires to remind the case lead, for
     * every kind (the emergency order's extension reminder comes on top).
     */
    expiryReminderBefore: LegalDuration,
  }),
  risk: Schema.Struct({
    reassessmentEvery: LegalDuration,
    dash: Schema.Struct({ questions: LegalCount, highAtLeast: LegalCount, mediumAtLeast: LegalCount }),
    conference: Schema.Struct({
      escalationIncidents: LegalCount,
      escalationWindow: LegalDuration,
      repeatWindow: LegalDuration,
    }),
    /**
     * The instruments an incident's source makes required: incident source code
     * (`police-report`) → instrument ids (`xk-police-early`).
     */
    requiredInstruments: LegalSetting(Schema.Record({ key: Code, value: Schema.Array(Code) })),
    /**
     * The police early-assessment form: weights by question id (a question not
     * listed weighs one point per "yes") and the medium and high thresholds.
     */
    policeEarlyAssessment: Schema.Struct({
      weights: LegalSetting(Schema.Record({ key: Code, value: Amount })),
      mediumAtLeast: LegalCount,
      highAtLeast: LegalCount,
    }),
    /**
     * How soon after its opening a high-risk case is to be reviewed by the
     * mechanism: the window of the action plan's computed indicator of cases
     * reviewed in time.
     */
    highRiskReviewWithin: LegalDuration,
  }),
  referrals: Schema.Struct({
    acknowledgeWithin: Schema.Struct({ highRisk: LegalDuration, standard: LegalDuration }),
    decideWithin: LegalDuration,
    /** How long before an acknowledge or decide deadline to remind the receiving institution. */
    reminderBeforeDeadline: Schema.Struct({ highRisk: LegalDuration, standard: LegalDuration }),
    /**
     * How long after a missed deadline, with the referral still unanswered, to
     * escalate to the mechanism's coordinator (the sending institution is told
     * at the deadline itself).
     */
    escalateToCoordinatorAfter: Schema.Struct({ highRisk: LegalDuration, standard: LegalDuration }),
  }),
  statistics: Schema.Struct({
    smallCellThreshold: LegalCount,
    consentRequired: LegalSetting(Schema.Boolean),
  }),
  caseTeam: Schema.Struct({
    defaultLeadSector: LegalSetting(Sector),
    /** The sector that must be on the team of a case with a child. */
    childProtectionSector: LegalSetting(Sector),
    /**
     * The sectors with a legal basis for the alleged perpetrator's identifying
     * details, read for the victim's protection and the legal process (the
     * `protection` purpose) without the victim's consent, which does not
     * extend to another person's data.
     */
    protectionSectors: LegalSetting(Schema.Array(Sector)),
  }),
  /**
   * The communities a person may be recorded with, as kebab-case codes (each
   * with a label in the case package's catalogue), including `other` and
   * `not-recorded`.
   */
  communities: LegalSetting(Schema.NonEmptyArray(Code)),
  /** When reminders and worklists look ahead, and when the day's reminders go out. */
  notifications: Schema.Struct({
    /**
     * The local time (hours after midnight) at which a reminder about a
     * calendar day (an action item due, a reassessment) and the daily digest
     * go out.
     */
    workdayStartsAt: legalNumberIn("hours"),
    /** How far ahead a person's worklist shows what is coming. */
    worklistHorizon: LegalDuration,
  }),
  /**
   * How long a signed-in session lasts: it ends after `idleTimeout` without a
   * request, and after `absoluteTimeout` however busy (a shared office
   * computer left signed in must not stay open to the next person).
   */
  sessions: Schema.Struct({
    idleTimeout: legalNumberIn("hours"),
    absoluteTimeout: legalNumberIn("hours"),
  }),
  /**
   * How long each kind of record is kept after its case is closed, before the
   * retention job erases it. A case's personal data is erased at once, by
   * destroying the case's data key (ADR 0012), so a case is erased when the
   * longest period of its sealed kinds has passed (`Retention.erasableFrom` in
   * the case package). The audit trail keeps only ids and is never erased by
   * the job; its period is recorded for the operators' own archiving.
   */
  retention: Schema.Struct({
    /** The persons' identifying details, their safe contact and relationships. */
    personalDetails: LegalDuration,
    /** Case notes and their versions. */
    notes: LegalDuration,
    /** Documents attached to the case, its persons, orders or consents. */
    documents: LegalDuration,
    /** The case's history in words: reviews, corrections, what the survivor was told. */
    caseHistory: LegalDuration,
    /** The audit trail (ids, actions and times; never personal data in the clear). */
    auditTrail: LegalDuration,
  }),
}).pipe(
  Schema.filter(
    (p) => p.languages.locales.includes(p.languages.defaultLocale) || "jurisdiction.locale.default-not-offered",
  ),
  Schema.filter(
    (p) =>
      (p.risk.dash.mediumAtLeast.value < p.risk.dash.highAtLeast.value &&
        p.risk.dash.highAtLeast.value <= p.risk.dash.questions.value) ||
      "jurisdiction.risk.thresholds-out-of-order",
  ),
  Schema.filter(
    (p) =>
      p.risk.policeEarlyAssessment.mediumAtLeast.value < p.risk.policeEarlyAssessment.highAtLeast.value ||
      "jurisdiction.risk.thresholds-out-of-order",
  ),
  Schema.filter(
    (p) =>
      (p.notifications.workdayStartsAt.value >= 0 && p.notifications.workdayStartsAt.value < 24) ||
      "jurisdiction.notifications.workday-start-out-of-range",
  ),
  Schema.filter(
    (p) =>
      (p.sessions.idleTimeout.value > 0 && p.sessions.idleTimeout.value <= p.sessions.absoluteTimeout.value) ||
      "jurisdiction.sessions.timeouts-out-of-order",
  ),
  Schema.annotations({ identifier: "JurisdictionProfile" }),
)

export type JurisdictionProfile = typeof JurisdictionProfile.Type

const checked = <U extends Unit>(value: number, unit: U, source: string) =>
  ({ value, unit, confirmed: true, source }) as const
const assumed = <U extends Unit>(value: number, unit: U, source: string) =>
  ({ value, unit, confirmed: false, source }) as const

const law = "Law 03/L-182 on Protection against Domestic Violence (2010)"
const memorandum = "Memorandum of Agreement of the local coordination mechanisms (EIGE good-practice page)"
const sop = "Standard Operating Procedures for Protection from Domestic Violence in Kosovo (2013)"
const safeLives = "SafeLives DASH risk checklist and MARAC practice"
const projectDefault = "Bashkë project default, not found in law or memorandum"
const policeDraft =
  "Bashkë project draft from the risk factors of the 2013 SOP, pending the official Kosovo Police form"
const unverifiedMeasures = "the list of measures as commonly summarised, not verified article by article"
const noRetentionInLaw =
  "Bashkë project default: Kosovo's personal data protection law follows the GDPR (data kept no longer than its purpose needs, art. 5(1)(e)) and, as far as the project has read, sets no period for domestic-violence case files; confirm with the Information and Privacy Agency"
const unverified = "commonly cited for Law 03/L-182, not verified in the text (nor in successor Law 08/L-185)"

/**
 * The Kosovo profile, version 1: the numbers of Law 03/L-182 (2010), the
 * mechanisms' memorandum, the 2013 Standard Operating Procedures and
 * SafeLives/MARAC practice. Successor Law 08/L-185 (2023) has not been reviewed:
 * the numbers it may change are among the unconfirmed ones. `effectiveFrom` is
 * the adoption date of Law 03/L-182.
 */
export const kosovo: JurisdictionProfile = {
  id: "xk",
  name: { sq: "Kosova", "sr-Latn": "Kosovo", en: "Kosovo" },
  version: 1,
  effectiveFrom: "2010-07-01",
  laws: [
    {
      code: "03/L-182",
      kind: "law",
      title: {
        sq: "Ligji për mbrojtje nga dhuna në familje",
        "sr-Latn": "Zakon o zaštiti od nasilja u porodici",
        en: "Law on Protection against Domestic Violence",
      },
      year: 2010,
      reviewed: true,
    },
    {
      code: "08/L-185",
      kind: "law",
      title: {
        sq: "Ligji për parandalimin dhe mbrojtjen nga dhuna në familje, dhuna ndaj grave dhe dhuna me bazë gjinore",
        "sr-Latn": "Zakon o sprečavanju i zaštiti od nasilja u porodici, nasilja nad ženama i rodno zasnovanog nasilja",
        en: "Law on Prevention and Protection from Domestic Violence, Violence against Women and Gender-Based Violence",
      },
      year: 2023,
      reviewed: false,
    },
    {
      code: "SOP-2013",
      kind: "procedure",
      title: {
        sq: "Procedurat standarde të veprimit për mbrojtje nga dhuna në familje",
        "sr-Latn": "Standardne operativne procedure za zaštitu od nasilja u porodici",
        en: "Standard Operating Procedures for Protection from Domestic Violence",
      },
      year: 2013,
      reviewed: true,
    },
  ],
  timezone: "Europe/Belgrade",
  languages: { official: ["sq", "sr"], locales: ["sq", "sr-Latn", "sr-Cyrl", "en"], defaultLocale: "sq" },
  meetings: {
    minimumPerYear: checked(4, "per-year", memorandum),
    adHocScheduleWithin: assumed(7, "days", `${projectDefault}: any member may request an ad hoc meeting`),
    adHocUrgentScheduleWithin: assumed(2, "days", `${projectDefault}: urgent ad hoc request`),
    quorum: { value: "more-than-half", confirmed: false, source: `${projectDefault}: check the memorandum` },
    minutesCirculatedWithin: checked(3, "working-days", `${safeLives}: minutes circulated within 3 working days`),
    caseAnniversaryNotice: checked(12, "months", `${safeLives}: notice of cases reaching 12 months`),
    actionItemReminderBefore: assumed(3, "days", `${projectDefault}: remind the owner institution 3 days ahead`),
  },
  protectionOrders: {
    kinds: {
      "protection-order": {
        name: { sq: "Urdhri për mbrojtje", "sr-Latn": "Naredba za zaštitu", en: "Protection order" },
        issuedBy: "court",
        decisionWithin: assumed(15, "days", unverified),
        duration: assumed(12, "months", `${projectDefault}: longest term of an order; verify in the law`),
      },
      "emergency-protection-order": {
        name: {
          sq: "Urdhri për mbrojtje emergjente",
          "sr-Latn": "Naredba za hitnu zaštitu",
          en: "Emergency protection order",
        },
        issuedBy: "court",
        decisionWithin: assumed(24, "hours", unverified),
        duration: assumed(
          15,
          "days",
          `${projectDefault}: lasts until the protection order is decided (15 days); verify in the law`,
        ),
        extensionReminderBeforeExpiry: checked(2, "days", `${law}: extension may be requested 2 days before expiry`),
      },
      "temporary-emergency-protection-order": {
        name: {
          sq: "Urdhri i përkohshëm për mbrojtje emergjente",
          "sr-Latn": "Privremena naredba za hitnu zaštitu",
          en: "Temporary emergency protection order",
        },
        issuedBy: "police",
        duration: assumed(
          1,
          "working-days",
          `${projectDefault}: until the court's next working day, when it may extend it; verify in the law`,
        ),
      },
    },
    conditions: {
      "no-contact": {
        name: { sq: "Ndalim kontakti", "sr-Latn": "Zabrana kontakta", en: "No contact" },
        needs: [],
        confirmed: false,
        source: `${law}: protection measures (art. 4–12); ${unverifiedMeasures}`,
      },
      "stay-away": {
        name: { sq: "Mbajtja larg", "sr-Latn": "Zabrana približavanja", en: "Stay away" },
        needs: ["distance", "places"],
        confirmed: false,
        source: `${law}: protection measures (art. 4–12); ${unverifiedMeasures}`,
      },
      "removal-from-home": {
        name: { sq: "Largimi nga banesa", "sr-Latn": "Udaljenje iz stana", en: "Removal from the home" },
        needs: [],
        confirmed: false,
        source: `${law}: protection measures (art. 4–12); ${unverifiedMeasures}`,
      },
      "temporary-custody": {
        name: { sq: "Kujdestari e përkohshme", "sr-Latn": "Privremeno starateljstvo", en: "Temporary custody" },
        needs: ["children"],
        confirmed: false,
        source: `${law}: protection measures (art. 4–12); ${unverifiedMeasures}`,
      },
      "surrender-of-weapons": {
        name: { sq: "Dorëzimi i armëve", "sr-Latn": "Predaja oružja", en: "Surrender of weapons" },
        needs: [],
        confirmed: false,
        source: `${law}: protection measures (art. 4–12); ${unverifiedMeasures}`,
      },
      treatment: {
        name: {
          sq: "Trajtim psikosocial ose për varësi",
          "sr-Latn": "Psihosocijalni tretman ili lečenje zavisnosti",
          en: "Psychosocial or addiction treatment",
        },
        needs: [],
        confirmed: false,
        source: `${law}: protection measures (art. 4–12); ${unverifiedMeasures}`,
      },
    },
    breach: {
      maxFine: checked(2000, "euro", `${law}: breach of an order is an offence`),
      maxImprisonment: checked(6, "months", `${law}: breach of an order is an offence`),
    },
    hearingReminderBefore: assumed(1, "days", `${projectDefault}: remind the case team the day before a hearing`),
    expiryReminderBefore: assumed(
      7,
      "days",
      `${projectDefault}: a week before an order expires, time to ask the court for a new one`,
    ),
  },
  risk: {
    reassessmentEvery: checked(8, "weeks", `${safeLives}: reassessment every 8 weeks is common practice`),
    dash: {
      questions: checked(24, "count", safeLives),
      highAtLeast: checked(14, "count", safeLives),
      mediumAtLeast: checked(10, "count", safeLives),
    },
    conference: {
      escalationIncidents: checked(3, "count", `${safeLives}: potential escalation`),
      escalationWindow: checked(12, "months", `${safeLives}: potential escalation`),
      repeatWindow: checked(12, "months", `${safeLives}: repeat referral`),
    },
    requiredInstruments: {
      value: { "police-report": ["xk-police-early"] },
      confirmed: true,
      source: `${sop}: early risk assessment on every police-reported case`,
    },
    policeEarlyAssessment: {
      weights: {
        value: { "weapon-used-or-available": 2, "threats-to-kill": 2, strangulation: 2, "order-breached": 2 },
        confirmed: false,
        source: `${policeDraft}: one point a "yes", two for the acute factors the SOP singles out`,
      },
      mediumAtLeast: assumed(4, "count", policeDraft),
      highAtLeast: assumed(8, "count", policeDraft),
    },
    highRiskReviewWithin: assumed(
      30,
      "days",
      `${projectDefault}: the local action plan's indicator "high-risk cases reviewed within 30 days"; confirm against the national strategy's indicator`,
    ),
  },
  referrals: {
    acknowledgeWithin: {
      highRisk: assumed(4, "hours", `${projectDefault}: high-risk referral`),
      standard: assumed(24, "hours", projectDefault),
    },
    decideWithin: assumed(72, "hours", projectDefault),
    reminderBeforeDeadline: {
      highRisk: assumed(1, "hours", `${projectDefault}: an hour before a high-risk referral's deadline`),
      standard: assumed(4, "hours", projectDefault),
    },
    escalateToCoordinatorAfter: {
      highRisk: assumed(2, "hours", `${projectDefault}: a high-risk referral still unanswered 2 hours late`),
      standard: assumed(1, "days", projectDefault),
    },
  },
  statistics: {
    smallCellThreshold: assumed(
      10,
      "count",
      `${projectDefault}: the common rule suppresses non-zero counts under 10; confirm with the Agency for Gender Equality`,
    ),
    consentRequired: {
      value: false,
      confirmed: false,
      source: `${projectDefault}: aggregates with small cells suppressed identify no one; confirm with the data protection authority`,
    },
  },
  caseTeam: {
    defaultLeadSector: {
      value: "social-work",
      confirmed: true,
      source: `${sop}: the centre for social work assigns the case manager`,
    },
    childProtectionSector: {
      value: "social-work",
      confirmed: true,
      source: `${sop}: the centre for social work's duties when a child is involved`,
    },
    protectionSectors: {
      value: ["police", "prosecution", "court", "victim-advocacy", "social-work"],
      confirmed: false,
      source: `${projectDefault}: the institutions the SOP and Law 03/L-182 give duties towards the alleged perpetrator (arrest, prosecution, protection orders, the victim's representation, the case manager); shelters and others get what they need for safety from them. Confirm with the data protection authority`,
    },
  },
  communities: {
    value: [
      "albanian",
      "serbian",
      "turkish",
      "bosniak",
      "roma",
      "ashkali",
      "egyptian",
      "gorani",
      "montenegrin",
      "croat",
      "other",
      "not-recorded",
    ],
    confirmed: false,
    source:
      "Law on the Protection and Promotion of the Rights of Communities and their Members in Kosovo: the communities in the law's order, plus the project's `other` and `not-recorded`; not yet checked against the current text",
  },
  notifications: {
    workdayStartsAt: assumed(8, "hours", `${projectDefault}: reminders about a day, and digests, at 08:00 local time`),
    worklistHorizon: assumed(14, "days", `${projectDefault}: a worklist shows the next two weeks`),
  },
  sessions: {
    idleTimeout: assumed(0.5, "hours", `${projectDefault}: a session ends after 30 minutes without a request`),
    absoluteTimeout: assumed(12, "hours", `${projectDefault}: a session ends 12 hours after sign-in (one working day)`),
  },
  retention: {
    personalDetails: assumed(
      60,
      "months",
      `${noRetentionInLaw}: five years after closure, time for a repeat case to find the earlier one`,
    ),
    notes: assumed(60, "months", `${noRetentionInLaw}: kept as long as the persons' details they refer to`),
    documents: assumed(60, "months", `${noRetentionInLaw}: kept as long as the persons' details they refer to`),
    caseHistory: assumed(60, "months", `${noRetentionInLaw}: kept as long as the persons' details they refer to`),
    auditTrail: assumed(
      120,
      "months",
      `${noRetentionInLaw}: ten years, longer than any case, so an access can be answered for after the case is erased`,
    ),
  },
}

/**
 * The profile used when none is chosen: Kosovo.
 */
export const defaultProfile: JurisdictionProfile = kosovo

/**
 * The jurisdiction profile in effect, for services that compute deadlines or
 * check cadence. Defaults to {@link kosovo}; provide another with
 * `Effect.provideService(CurrentJurisdiction, profile)`.
 */
export class CurrentJurisdiction extends Context.Reference<CurrentJurisdiction>()(
  "@bashke/kernel/CurrentJurisdiction",
  { defaultValue: (): JurisdictionProfile => kosovo },
) {}

/**
 * The day an instant (or an already civil date) falls on in the time zone of the
 * jurisdiction in effect: a deadline "within 7 days" ends at local midnight.
 */
export const dayOf = (at: Date | CivilDate.CivilDate): Effect.Effect<CivilDate.CivilDate> =>
  Effect.map(CurrentJurisdiction, (profile) => CivilDate.from(at, profile.timezone))

/**
 * Today in the jurisdiction's time zone, from Effect's `Clock` (so tests move it
 * with `TestClock`).
 */
export const today: Effect.Effect<CivilDate.CivilDate> = Effect.flatMap(Clock.currentTimeMillis, (millis) =>
  dayOf(new Date(millis)),
)

/**
 * One legal value of a profile, found by {@link settings}, with its dotted path
 * (`protectionOrders.kinds.emergency-protection-order.decisionWithin`).
 */
export interface Setting {
  readonly path: string
  readonly value: unknown
  readonly unit?: Unit
  readonly confirmed: boolean
  readonly source: string
}

const isSetting = (value: object): value is LegalSetting<unknown> & { readonly unit?: Unit } =>
  "value" in value &&
  "confirmed" in value &&
  typeof value.confirmed === "boolean" &&
  "source" in value &&
  typeof value.source === "string"

/**
 * Every legal number and setting of a profile, in declaration order. Found by
 * shape (a `value` with `confirmed` and `source`), so a number added to the
 * schema is listed without touching this function.
 */
export const settings = (profile: JurisdictionProfile): ReadonlyArray<Setting> => {
  const out: Array<Setting> = []
  const walk = (value: unknown, path: ReadonlyArray<string>): void => {
    if (typeof value !== "object" || value === null) return
    if (isSetting(value)) {
      out.push({
        path: path.join("."),
        value: value.value,
        ...(value.unit === undefined ? {} : { unit: value.unit }),
        confirmed: value.confirmed,
        source: value.source,
      })
      return
    }
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key])
  }
  walk(profile, [])
  return out
}

/**
 * The numbers and settings of a profile not yet confirmed against their source:
 * what a settings screen offers to review.
 */
export const unconfirmed = (profile: JurisdictionProfile): ReadonlyArray<Setting> =>
  settings(profile).filter((setting) => !setting.confirmed)

/**
 * A legal number for a reader: `describe(kosovo.meetings.minimumPerYear, "en")`
 * is "4 times a year", in Serbian "4 puta godišnje".
 */
export const describe = (number: { readonly value: number; readonly unit: Unit }, locale: Locale.Locale): string =>
  Catalogue.format(kernelMessages, locale, `unit.${number.unit}`, { value: number.value })
