/**
 * Why personal data is read or written. Every audit entry names one, and a
 * consent covers a set of them: data given for a referral is not data given for
 * a case conference.
 */
import { Schema } from "effect"

/**
 * - `case-management`: day-to-day work on a case by its team;
 * - `protection`: the alleged perpetrator's details, for the victim's safety
 *   and the legal process (risk, protection orders, prosecution) — under the
 *   institution's own legal basis, never the victim's consent (ADR 0004);
 * - `referral`: sending or answering a referral to another institution's service;
 * - `case-conference`: a case review in a mechanism meeting;
 * - `statistics`: producing aggregates (never names);
 * - `audit`: reviewing the audit log;
 * - `mechanism-administration`: keeping a mechanism's members, their representatives'
 *   contacts and the memorandum's signers (personal data of professionals, not survivors);
 * - `break-glass`: an emergency read outside the normal rules, with a written reason.
 */
export const Purpose = Schema.Literal(
  "case-management",
  "protection",
  "referral",
  "case-conference",
  "statistics",
  "audit",
  "mechanism-administration",
  "break-glass",
).annotations({ identifier: "Purpose" })

export type Purpose = typeof Purpose.Type

/**
 * Every purpose, in the order they are listed.
 */
export const all: ReadonlyArray<Purpose> = Purpose.literals

/**
 * The `securityMessages` key of a purpose's label: `labelKey("referral")` is
 * `"purpose.referral"`.
 */
export const labelKey = (purpose: Purpose): `purpose.${Purpose}` => `purpose.${purpose}`
