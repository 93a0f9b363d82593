/**
 * Institutions: the police station, the centre for social work, the court, the
 * NGO that sign a memorandum, own action items and receive referrals.
 */
import { Schema } from "effect"
import { InstitutionId } from "./Id"
import type * as Locale from "./Locale"
import * as LocalizedText from "./LocalizedText"
import { MunicipalityCode } from "./Municipality"
import { Sector } from "./Sector"

/**
 * An institution. `municipality` is absent for national institutions (a ministry,
 * the Agency for Gender Equality); a regional one (a basic court, a regional
 * victim advocacy office) takes the municipality of its seat.
 */
export const Institution = Schema.Struct({
  id: InstitutionId,
  name: LocalizedText.LocalizedText,
  sector: Sector,
  municipality: Schema.optional(MunicipalityCode),
}).annotations({ identifier: "Institution" })

export type Institution = typeof Institution.Type

/**
 * Whether an institution is national (has no municipality).
 */
export const isNational = (institution: Institution): boolean => institution.municipality === undefined

/**
 * An institution's name in `locale`, with the fallback order of `LocalizedText`.
 */
export const name = (institution: Institution, locale: Locale.Locale): string =>
  LocalizedText.localize(institution.name, locale)
