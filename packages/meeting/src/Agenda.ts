/**
 * A meeting's agenda, built by a rule from data, never typed in. The sections,
 * in order (MARAC practice):
 *
 * 1. the confidentiality statement;
 * 2. open action items carried over from earlier meetings, overdue ones first
 *    (then by due date), with the mechanism's overdue referrals right after the
 *    overdue items (the most overdue first);
 * 3. case reviews: high-risk cases first, then cases with children, then the
 *    longest since their last review (never reviewed first), then by reference;
 * 4. notices of cases reaching the profile's `caseAnniversaryNotice` (12 months
 *    in Kosovo) since the previous meeting;
 * 5. other business.
 *
 * A case comes up for review only when it meets the conference criteria (a
 * ground of the case package's `ConferenceEligibility`: high risk,
 * professional judgement, escalation, repeat, order breach) and the
 * survivor's consent in force allows a case conference; a standard-risk case
 * without grounds, or a case without that consent, is not on the agenda (nor
 * in its notices). A case review shows only the pseudonymised summary: the
 * reference, the grounds, the risk level, the sectors involved and the number
 * of open action items. Titles come from the catalogue in the reader's locale
 * ({@link title}).
 *
 * The coordinator edits an agenda (`AgendaEdits`): topics of their own in a
 * section, and items left out; the rule's items stay the source.
 */
import { Catalogue, CivilDate, Id, JurisdictionProfile, type Locale, Sector } from "@bashke/kernel"
import { Array as Arr, Order, Schema } from "effect"
import * as ActionItem from "./ActionItem"
import { CaseReference, type CaseSummary, ConferenceReason, RiskLevel } from "./CaseSummaries"
import { meetingMessages } from "./MeetingMessages"
import * as OverdueReferrals from "./OverdueReferrals"

/**
 * The sections of an agenda, in order.
 */
export const Section = Schema.Literal(
  "confidentiality",
  "action-items",
  "case-reviews",
  "notices",
  "other-business",
).annotations({ identifier: "AgendaSection" })

export type Section = typeof Section.Type

/**
 * Every section, in agenda order.
 */
export const sections: ReadonlyArray<Section> = Section.literals

/**
 * The id of a topic the coordinator added to an agenda.
 */
export const TopicId: Id.IdSchema<"AgendaTopicId"> = Id.make("AgendaTopicId")

export type TopicId = typeof TopicId.Type

/**
 * The sections a topic may be added to (the confidentiality statement stands alone).
 */
export const TopicSection = Schema.Literal("action-items", "case-reviews", "notices", "other-business").annotations({
  identifier: "AgendaTopicSection",
})

export type TopicSection = typeof TopicSection.Type

/**
 * The longest topic title, in characters.
 */
export const maxTopicLength = 300

/**
 * A topic's title: 1 to 300 characters (`meeting.agenda.topic-invalid`). A
 * subject, never a person: stored sealed all the same, as every typed text.
 */
export const TopicTitle = Schema.String.pipe(
  Schema.filter((s) => (s.trim().length > 0 && s.length <= maxTopicLength) || "meeting.agenda.topic-invalid", {
    identifier: "AgendaTopicTitle",
    arbitrary: () => (fc) =>
      fc
        .string({ minLength: 1, maxLength: 40 })
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
  }),
)

/**
 * One agenda item.
 */
export const Item = Schema.Union(
  Schema.TaggedStruct("ConfidentialityStatement", {}),
  Schema.TaggedStruct("ActionItemReview", {
    actionItemId: Id.ActionItemId,
    owner: Id.InstitutionId,
    dueDate: ActionItem.DueDate,
    overdue: Schema.Boolean,
    link: Schema.optional(ActionItem.Link),
  }),
  Schema.TaggedStruct("OverdueReferral", {
    referralId: Id.ReferralId,
    caseId: Schema.optional(Id.CaseId),
    reference: Schema.optional(CaseReference),
    to: Id.InstitutionId,
    service: Id.ServiceId,
    step: OverdueReferrals.Step,
    due: Schema.Date,
  }),
  Schema.TaggedStruct("CaseReview", {
    caseId: Id.CaseId,
    reference: CaseReference,
    reasons: Schema.NonEmptyArray(ConferenceReason),
    riskLevel: RiskLevel,
    sectors: Schema.Array(Sector.Sector),
    openActions: Schema.NonNegativeInt,
  }),
  Schema.TaggedStruct("AnniversaryNotice", {
    caseId: Id.CaseId,
    reference: CaseReference,
    reachedOn: ActionItem.DueDate,
  }),
  Schema.TaggedStruct("OtherBusiness", {}),
  Schema.TaggedStruct("Topic", {
    topicId: TopicId,
    section: TopicSection,
    title: TopicTitle,
  }),
).annotations({ identifier: "AgendaItem" })

export type Item = typeof Item.Type

/**
 * An agenda: the meeting it is for and its items in order.
 */
export const Agenda = Schema.Struct({
  meetingId: Id.MeetingId,
  items: Schema.Array(Item),
  /** The keys ({@link keyOf}) of the rule's items the coordinator left out. */
  omitted: Schema.optional(Schema.Array(Schema.String)),
}).annotations({ identifier: "Agenda" })

export type Agenda = typeof Agenda.Type

/**
 * The section an item belongs to.
 */
export const sectionOf = (item: Item): Section => {
  switch (item._tag) {
    case "ConfidentialityStatement":
      return "confidentiality"
    case "ActionItemReview":
    case "OverdueReferral":
      return "action-items"
    case "CaseReview":
      return "case-reviews"
    case "AnniversaryNotice":
      return "notices"
    case "OtherBusiness":
      return "other-business"
    case "Topic":
      return item.section
  }
}

/**
 * An item's key, stable across builds of the same agenda: what the
 * coordinator names to leave an item out. `confidentiality`,
 * `other-business`, `action-item:<id>`, `referral:<id>`,
 * `case-review:<caseId>`, `anniversary:<caseId>`, `topic:<id>`.
 */
export const keyOf = (item: Item): string => {
  switch (item._tag) {
    case "ConfidentialityStatement":
      return "confidentiality"
    case "OtherBusiness":
      return "other-business"
    case "ActionItemReview":
      return `action-item:${item.actionItemId}`
    case "OverdueReferral":
      return `referral:${item.referralId}`
    case "CaseReview":
      return `case-review:${item.caseId}`
    case "AnniversaryNotice":
      return `anniversary:${item.caseId}`
    case "Topic":
      return `topic:${item.topicId}`
  }
}

/**
 * Whether an agenda item is case data: a case review, an anniversary notice,
 * an overdue referral (where a survivor was referred is itself sensitive), or
 * the review of an action item linked to a case.
 */
export const isCaseData = (item: Item): boolean => {
  switch (item._tag) {
    case "CaseReview":
    case "AnniversaryNotice":
    case "OverdueReferral":
      return true
    case "ActionItemReview":
      return ActionItem.concernsCase(item)
    default:
      return false
  }
}

/**
 * Whether a case comes up at a conference: it meets at least one ground and
 * the survivor's consent in force allows a case conference.
 */
export const isConferenceCase = (summary: Pick<CaseSummary, "conferenceReasons" | "conferenceConsent">): boolean =>
  summary.conferenceConsent && summary.conferenceReasons.length > 0

/**
 * The agenda without its case data ({@link isCaseData}), as a member that did
 * not sign the memorandum in force sees it: the confidentiality statement,
 * action items not linked to a case, other business.
 */
export const withoutCaseData = (agenda: Agenda): Agenda => ({
  ...agenda,
  items: agenda.items.filter((item) => !isCaseData(item)),
})

/**
 * The order of case reviews: high risk first, then cases with children, then
 * the longest since the last review (never reviewed first), then by reference.
 */
export const caseReviewOrder: Order.Order<CaseSummary> = Order.combineAll([
  Order.mapInput(Order.boolean, (summary: CaseSummary) => summary.riskLevel !== "high"),
  Order.mapInput(Order.boolean, (summary: CaseSummary) => !summary.hasChildren),
  Order.mapInput(Order.number, (summary: CaseSummary) => summary.lastReviewedAt?.getTime() ?? Number.NEGATIVE_INFINITY),
  Order.mapInput(Order.string, (summary: CaseSummary) => summary.reference),
])

/**
 * The local day a case opened at `openedAt` reaches `span` (12 months: the
 * same day number a year later, or the month's last day).
 */
export const reachedOn = (
  openedAt: Date,
  span: { readonly value: number; readonly unit: JurisdictionProfile.Unit },
  timeZone: string,
): CivilDate.CivilDate => {
  const opened = CivilDate.ofInstant(openedAt, timeZone)
  switch (span.unit) {
    case "months":
      return CivilDate.addMonths(opened, span.value)
    case "weeks":
      return CivilDate.addDays(opened, span.value * 7)
    case "working-days":
      return CivilDate.addWorkingDays(opened, span.value)
    case "hours":
      return CivilDate.ofInstant(new Date(openedAt.getTime() + span.value * 3_600_000), timeZone)
    default:
      return CivilDate.addDays(opened, span.value)
  }
}

/**
 * What the agenda rule reads.
 *
 * - `meeting`: the meeting and when it starts;
 * - `previousStartsAt`: when the mechanism's previous meeting started (absent
 *   for its first): notices cover cases whose anniversary fell after it, up to
 *   and including the meeting's own day, so each case gets one notice;
 * - `actionItems`: the mechanism's open action items (any meeting);
 * - `cases`: the summaries of the cases on the mechanism's list;
 * - `overdueReferrals`: the mechanism's overdue referrals (none when absent).
 */
export interface Input {
  readonly meeting: { readonly id: Id.MeetingId; readonly mechanismId: Id.MechanismId; readonly startsAt: Date }
  readonly previousStartsAt?: Date | undefined
  readonly actionItems: ReadonlyArray<ActionItem.ActionItem>
  readonly cases: ReadonlyArray<CaseSummary>
  readonly overdueReferrals?: ReadonlyArray<OverdueReferrals.OverdueReferral> | undefined
  readonly profile: JurisdictionProfile.JurisdictionProfile
}

interface Notice {
  readonly summary: CaseSummary
  readonly reached: ActionItem.DueDate
}

/**
 * Builds the agenda. Pure: the same input gives the same agenda.
 */
export const build = (input: Input): Agenda => {
  const { meeting, profile } = input
  const timeZone = profile.timezone
  const today = ActionItem.localDate(meeting.startsAt, timeZone)

  const carried = Arr.sort(ActionItem.carriedOver(input.actionItems, meeting), ActionItem.reviewOrder(today))
  const actionItems: Array<Item> = carried.map((item) => ({
    _tag: "ActionItemReview" as const,
    actionItemId: item.id,
    owner: item.owner,
    dueDate: item.dueDate,
    overdue: ActionItem.isOverdue(item, today),
    ...(item.link === undefined ? {} : { link: item.link }),
  }))

  const referrals: Array<Item> = Arr.sort(
    input.overdueReferrals ?? [],
    Order.combine(
      Order.mapInput(Order.number, (referral: OverdueReferrals.OverdueReferral) => referral.due.getTime()),
      Order.mapInput(Order.string, (referral: OverdueReferrals.OverdueReferral) => referral.referralId),
    ),
  ).map((referral) => ({
    _tag: "OverdueReferral" as const,
    referralId: referral.referralId,
    ...(referral.caseId === undefined ? {} : { caseId: referral.caseId }),
    ...(referral.caseReference === undefined ? {} : { reference: referral.caseReference }),
    to: referral.to,
    service: referral.service,
    step: referral.step,
    due: referral.due,
  }))
  const overdueCount = actionItems.filter((item) => item._tag === "ActionItemReview" && item.overdue).length

  const openByCase = new Map<string, number>()
  for (const item of input.actionItems) {
    if (item.status === "open" && item.mechanismId === meeting.mechanismId && item.link?._tag === "case")
      openByCase.set(item.link.caseId, (openByCase.get(item.link.caseId) ?? 0) + 1)
  }
  const reviews: Array<Item> = Arr.sort(input.cases.filter(isConferenceCase), caseReviewOrder).flatMap((summary) =>
    Arr.isNonEmptyReadonlyArray(summary.conferenceReasons)
      ? [
          {
            _tag: "CaseReview" as const,
            caseId: summary.caseId,
            reference: summary.reference,
            reasons: summary.conferenceReasons,
            riskLevel: summary.riskLevel,
            sectors: Sector.all.filter((sector) => summary.sectors.includes(sector)),
            openActions: openByCase.get(summary.caseId) ?? 0,
          },
        ]
      : [],
  )

  const span = profile.meetings.caseAnniversaryNotice
  const after =
    input.previousStartsAt === undefined ? undefined : ActionItem.localDate(input.previousStartsAt, timeZone)
  const notices: Array<Item> = Arr.sort(
    // A case is named at a conference only where its consent allows one.
    input.cases.flatMap((summary): ReadonlyArray<Notice> => {
      if (!summary.conferenceConsent) return []
      const reached: ActionItem.DueDate = reachedOn(summary.openedAt, span, timeZone)
      const inWindow = reached <= today && (after === undefined || reached > after)
      return inWindow ? [{ summary, reached }] : []
    }),
    Order.combine(
      Order.mapInput(Order.string, (entry: Notice) => entry.reached),
      Order.mapInput(Order.string, (entry: Notice) => entry.summary.reference),
    ),
  ).map(({ summary, reached }) => ({
    _tag: "AnniversaryNotice" as const,
    caseId: summary.caseId,
    reference: summary.reference,
    reachedOn: reached,
  }))

  return {
    meetingId: meeting.id,
    items: [
      { _tag: "ConfidentialityStatement" },
      ...actionItems.slice(0, overdueCount),
      ...referrals,
      ...actionItems.slice(overdueCount),
      ...reviews,
      ...notices,
      { _tag: "OtherBusiness" },
    ],
  }
}

/**
 * A section's heading in `locale`.
 */
export const sectionTitle = (section: Section, locale: Locale.Locale): string =>
  Catalogue.format(meetingMessages, locale, `meeting.agenda.section.${section}`)

/**
 * An item's title in `locale`. Case items show the reference, the risk level
 * and the count of open actions; nothing else about a case reaches an agenda.
 */
export const title = (item: Item, locale: Locale.Locale, profile: JurisdictionProfile.JurisdictionProfile): string => {
  switch (item._tag) {
    case "ConfidentialityStatement":
      return Catalogue.format(meetingMessages, locale, "meeting.agenda.confidentiality")
    case "ActionItemReview":
      return Catalogue.format(
        meetingMessages,
        locale,
        item.overdue ? "meeting.agenda.action-item.overdue" : "meeting.agenda.action-item.open",
        { due: item.dueDate },
      )
    case "OverdueReferral": {
      const due = ActionItem.localDate(item.due, profile.timezone)
      if (item.reference === undefined)
        return item.step === "decide"
          ? Catalogue.format(meetingMessages, locale, "meeting.agenda.referral-overdue.decide", { due })
          : Catalogue.format(meetingMessages, locale, "meeting.agenda.referral-overdue.acknowledge", { due })
      const params = { reference: item.reference, due }
      return item.step === "decide"
        ? Catalogue.format(meetingMessages, locale, "meeting.agenda.referral-overdue.case.decide", params)
        : Catalogue.format(meetingMessages, locale, "meeting.agenda.referral-overdue.case.acknowledge", params)
    }
    case "CaseReview":
      return Catalogue.format(meetingMessages, locale, "meeting.agenda.case-review", {
        reference: item.reference,
        risk: Catalogue.format(meetingMessages, locale, `meeting.risk.${item.riskLevel}`),
        sectors: item.sectors.map((sector) => Sector.label(sector, locale)).join(", "),
        openActions: item.openActions,
      })
    case "AnniversaryNotice":
      return Catalogue.format(meetingMessages, locale, "meeting.agenda.anniversary", {
        reference: item.reference,
        span: JurisdictionProfile.describe(profile.meetings.caseAnniversaryNotice, locale),
      })
    case "OtherBusiness":
      return Catalogue.format(meetingMessages, locale, "meeting.agenda.other-business")
    case "Topic":
      return item.title
  }
}
