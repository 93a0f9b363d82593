/**
 * The message catalogue: ICU messages in every locale, merged from each package.
 *
 * @since 0.1.0
 */
export * as Catalogue from "./Catalogue"

/**
 * Calendar dates (`YYYY-MM-DD`) and the day an instant falls on in a time zone.
 *
 * @since 0.1.0
 */
export * as CivilDate from "./CivilDate"

/**
 * The keyset pagination cursor: encode, decode, compare sort keys.
 *
 * @since 0.1.0
 */
export * as Cursor from "./Cursor"
/**
 * Deadlines: legal durations added to days and instants in a time zone.
 *
 * @since 0.1.0
 */
export * as Deadline from "./Deadline"

/**
 * What is due: deadlines and their reminders in words every domain shares.
 *
 * @since 0.1.0
 */
export * as Due from "./Due"
/**
 * Tagged errors and their RFC 9457 problem mapping.
 *
 * @since 0.1.0
 */
export * as Errors from "./Errors"
/**
 * Time-sortable branded ids and the id generator.
 *
 * @since 0.1.0
 */
export * as Id from "./Id"
/**
 * Untrusted input decoded into `InvalidInput` naming the field and the rule.
 *
 * @since 0.1.0
 */
export * as Input from "./Input"
/**
 * Points in time as commands accept them (a `Date` or an ISO 8601 string).
 *
 * @since 0.1.0
 */
export * as Instant from "./Instant"
/**
 * Institutions.
 *
 * @since 0.1.0
 */
export * as Institution from "./Institution"
/**
 * Jurisdiction profiles: every legal number, with the Kosovo profile as default.
 *
 * @since 0.1.0
 */
export * as JurisdictionProfile from "./JurisdictionProfile"
/**
 * Supported locales, their fallback order and Accept-Language negotiation.
 *
 * @since 0.1.0
 */
export * as Locale from "./Locale"
/**
 * Text given as data in one or more locales.
 *
 * @since 0.1.0
 */
export * as LocalizedText from "./LocalizedText"
/**
 * The kernel's part of the message catalogue.
 *
 * @since 0.1.0
 */
export * as Messages from "./Messages"
/**
 * @since 0.1.0
 */
export { kernelMessages } from "./Messages"
/**
 * The 38 municipalities of Kosovo.
 *
 * @since 0.1.0
 */
export * as Municipality from "./Municipality"
/**
 * Keyset pagination: page requests, pages and the paginate step.
 *
 * @since 0.1.0
 */
export * as Pagination from "./Pagination"
/**
 * Decoders compiled from schemas without transformations, for bulk imports.
 *
 * @since 0.1.0
 */
export * as PlainDecoder from "./PlainDecoder"

/**
 * Principals, roles and the current principal.
 *
 * @since 0.1.0
 */
export * as Principal from "./Principal"

/**
 * The sectors of a coordination mechanism.
 *
 * @since 0.1.0
 */
export * as Sector from "./Sector"

/**
 * Spans without stack traces, for hot paths.
 *
 * @since 0.1.0
 */
export * as Span from "./Span"

/**
 * Serbian Latin ↔ Cyrillic transliteration.
 *
 * @since 0.1.0
 */
export * as Transliteration from "./Transliteration"
