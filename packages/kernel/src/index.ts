/**
 * The message catalogue: ICU messages in every locale, merged from each package.
 */
export * as Catalogue from "./Catalogue"

/**
 * Calendar dates (`YYYY-MM-DD`) and the day an instant falls on in a time zone.
 */
export * as CivilDate from "./CivilDate"

/**
 * The keyset pagination cursor: encode, decode, compare sort keys.
 */
export * as Cursor from "./Cursor"
/** A page cursor's text (the schema alone). */
export * as CursorText from "./CursorText"
/**
 * Deadlines: legal durations added to days and instants in a time zone.
 */
export * as Deadline from "./Deadline"

/**
 * What is due: deadlines and their reminders in words every domain shares.
 */
export * as Due from "./Due"
/**
 * Tagged errors and their RFC 9457 problem mapping.
 */
export * as Errors from "./Errors"
/**
 * Time-sortable branded ids and the id generator.
 */
export * as Id from "./Id"
/**
 * Untrusted input decoded into `InvalidInput` naming the field and the rule.
 */
export * as Input from "./Input"
/**
 * Points in time as commands accept them (a `Date` or an ISO 8601 string).
 */
export * as Instant from "./Instant"
/**
 * Institutions.
 */
export * as Institution from "./Institution"
/**
 * Jurisdiction profiles: every legal number, with the Kosovo profile as default.
 */
export * as JurisdictionProfile from "./JurisdictionProfile"
/**
 * Supported locales, their fallback order and Accept-Language negotiation.
 */
export * as Locale from "./Locale"
/**
 * Text given as data in one or more locales.
 */
export * as LocalizedText from "./LocalizedText"
/**
 * The kernel's part of the message catalogue.
 */
export * as Messages from "./Messages"
export { kernelMessages } from "./Messages"
/**
 * The 38 municipalities of Kosovo.
 */
export * as Municipality from "./Municipality"
/**
 * Keyset pagination: page requests, pages and the paginate step.
 */
export * as Pagination from "./Pagination"
/**
 * Decoders compiled from schemas without transformations, for bulk imports.
 */
export * as PlainDecoder from "./PlainDecoder"
/**
 * Encoders compiled from schemas, for the answers encoded on every request.
 */
export * as PlainEncoder from "./PlainEncoder"

/**
 * Principals, roles and the current principal.
 */
export * as Principal from "./Principal"

/**
 * The sectors of a coordination mechanism.
 */
export * as Sector from "./Sector"

/**
 * Spans without stack traces, for hot paths.
 */
export * as Span from "./Span"

/**
 * Serbian Latin ↔ Cyrillic transliteration.
 */
export * as Transliteration from "./Transliteration"
