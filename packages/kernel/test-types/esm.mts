// Compiled against the built package (dist) by `check:package`: every namespace
// member that is both a value and a type must be usable as both, from ESM and CJS.
import {
  Catalogue,
  type Cursor,
  Errors,
  Id,
  Institution,
  JurisdictionProfile,
  kernelMessages,
  Locale,
  LocalizedText,
  type Messages,
  Municipality,
  Pagination,
  Principal,
  Sector,
  Transliteration,
} from "@bashke/kernel"
import { type Effect, Schema } from "effect"

export const caseId: Id.CaseId = Schema.decodeSync(Id.CaseId)("01ARYZ6S41TSV4RRFFQ69G5FAV")
export const generate: Effect.Effect<Id.PersonId, never, Id.IdGenerator> = Id.PersonId.generate
export const locale: Locale.Locale = Schema.decodeSync(Locale.Locale)("sq")
export const language: Locale.LanguageCode = Schema.decodeSync(Locale.LanguageCode)("tr")
export const sector: Sector.Sector = Schema.decodeSync(Sector.Sector)("police")
export const text: LocalizedText.LocalizedText = Schema.decodeSync(LocalizedText.LocalizedText)({ sq: "x" })
export const code: Municipality.MunicipalityCode = Municipality.MunicipalityCode.make("PRI")
export const municipality: Municipality.Municipality = Municipality.byCode(code)
export const institution: Schema.Schema<Institution.Institution, typeof Institution.Institution.Encoded> =
  Institution.Institution
export const error: Errors.DomainError = new Errors.NotFound({ entity: "Case", id: caseId })
export const problem = Schema.encodeSync(Errors.DomainError)(error)
export const profile: JurisdictionProfile.JurisdictionProfile = Schema.decodeSync(
  JurisdictionProfile.JurisdictionProfile,
)(JurisdictionProfile.kosovo)
export const legal: JurisdictionProfile.LegalNumber = Schema.decodeSync(JurisdictionProfile.LegalNumber)(
  profile.meetings.minimumPerYear,
)
export const quorum: JurisdictionProfile.Quorum = Schema.decodeSync(JurisdictionProfile.Quorum)("all")
export const page: Pagination.Page<number> = Schema.decodeSync(Pagination.Page(Schema.Number))({
  items: [1],
  next: null,
})
export const request: Pagination.PageRequest = Schema.decodeSync(Pagination.PageRequest)({})
export const key: Cursor.Key = [1, "a"]
export const role: Principal.Role = Schema.decodeSync(Principal.Role)("auditor")
export const principal: Schema.Schema<Principal.Principal, typeof Principal.Principal.Encoded> = Principal.Principal
export const kind: Principal.Kind = Schema.decodeSync(Principal.Kind)("user")
export const message: string = Catalogue.format(kernelMessages, locale, "sector.police")
export const messageKey: Messages.KernelMessageKey = "sector.court"
export const cyrillic: string = Transliteration.toCyrillic("Priština")
// @ts-expect-error message keys are checked
Catalogue.format(kernelMessages, locale, "sector.nope")
