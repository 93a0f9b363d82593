/**
 * Overdue referrals as items for a meeting's "other business". The meeting
 * package's agenda has no input for them yet (its items are built from action
 * items, case summaries and anniversaries), so this module gives each one a
 * title in the reader's locale and the ids to link to; the app lists them
 * under other business when it renders the agenda of the mechanism's next
 * meeting. Titles name no person: the case appears only by id.
 *
 * @since 0.1.0
 */
import { Catalogue, type Id, type Locale } from "@bashke/kernel"
import type * as ReferralDeadlines from "./ReferralDeadlines"
import { referralMessages } from "./ReferralMessages"

/**
 * An agenda item for an overdue referral.
 *
 * @since 0.1.0
 */
export interface Item {
  readonly title: string
  readonly referral: Id.ReferralId
  readonly to: Id.InstitutionId
  readonly service: Id.ServiceId
  readonly step: ReferralDeadlines.Step
  readonly due: Date
}

/**
 * The agenda items of `overdue` (as {@link ReferralDeadlines.overdue} orders
 * them: the most overdue first), titled in `locale`.
 *
 * @since 0.1.0
 */
export const items = (overdue: ReadonlyArray<ReferralDeadlines.Overdue>, locale: Locale.Locale): ReadonlyArray<Item> =>
  overdue.map((item) => ({
    title: Catalogue.format(referralMessages, locale, `referral.overdue.${item.step}`),
    referral: item.referral,
    to: item.to,
    service: item.service,
    step: item.step,
    due: item.due,
  }))
