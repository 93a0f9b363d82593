/**
 * The labels of a report's codes in a locale, each from the catalogue of the
 * package that records the code: sexes, age bands, forms, children's
 * exposure, relationships and petitioners from `caseMessages`; service types
 * and referral statuses from `referralMessages`; municipalities from the
 * kernel's list; order kinds from the jurisdiction profile; everything else
 * (dimensions, measures, titles, order events, urgency, "not recorded") from
 * `reportingMessages`. A code no catalogue knows (one of an older profile) is
 * shown as it is.
 */
import { caseMessages } from "@bashke/case"
import { Catalogue, type JurisdictionProfile, type Locale, LocalizedText, Municipality } from "@bashke/kernel"
import { referralMessages } from "@bashke/referral"
import * as Dimension from "./Dimension"
import type { Measure, TableName } from "./Report"
import { reportingMessages } from "./ReportingMessages"
import * as Source from "./Source"

const fromCatalogue = <K extends string>(catalogue: Catalogue.Catalogue<K>, locale: Locale.Locale, key: string) =>
  Catalogue.has(catalogue, key) ? Catalogue.format(catalogue, locale, key) : undefined

const caseKey = (dimension: Dimension.Dimension, code: string): string | undefined => {
  switch (dimension) {
    case "victim-sex":
    case "perpetrator-sex":
      return `case.person.sex.${code}`
    case "victim-age-band":
    case "perpetrator-age-band":
      return `case.person.age-band.${code}`
    case "form":
      return `case.incident.form.${code}`
    case "place":
      return `case.incident.place.${code}`
    case "children":
      return `case.incident.children.${code}`
    case "relationship":
      return `case.relationship.${code}`
    case "relationship-time":
      return `case.relationship.time.${code}`
    case "petitioner":
      return `case.order.petitioner.${code}`
    default:
      return undefined
  }
}

const referralKey = (dimension: Dimension.Dimension, code: string): string | undefined =>
  dimension === "service-type"
    ? `referral.service-type.${code}`
    : dimension === "referral-status"
      ? `referral.status.${code}`
      : undefined

const reportingKey = (dimension: Dimension.Dimension, code: string): string | undefined =>
  dimension === "order-event"
    ? `reporting.order-event.${code}`
    : dimension === "urgency"
      ? `reporting.urgency.${code}`
      : undefined

/**
 * A code's label.
 */
export const code = (
  dimension: Dimension.Dimension,
  value: string,
  locale: Locale.Locale,
  profile: JurisdictionProfile.JurisdictionProfile,
): string => {
  if (value === Dimension.notRecorded)
    return Catalogue.format(reportingMessages, locale, "reporting.value.not-recorded")
  if (dimension === "municipality") {
    const found = Municipality.find(value)
    return found._tag === "Some" ? LocalizedText.localize(found.value.name, locale) : value
  }
  if (dimension === "order-kind") {
    const kind = Object.hasOwn(profile.protectionOrders.kinds, value)
      ? profile.protectionOrders.kinds[value]
      : undefined
    return kind === undefined ? value : LocalizedText.localize(kind.name, locale)
  }
  const caseLabel = caseKey(dimension, value)
  const referralLabel = referralKey(dimension, value)
  const reportingLabel = reportingKey(dimension, value)
  return (
    (caseLabel === undefined ? undefined : fromCatalogue(caseMessages, locale, caseLabel)) ??
    (referralLabel === undefined ? undefined : fromCatalogue(referralMessages, locale, referralLabel)) ??
    (reportingLabel === undefined ? undefined : fromCatalogue(reportingMessages, locale, reportingLabel)) ??
    value
  )
}

/**
 * A dimension's label, or the mechanism's for the rows of a measure table.
 */
export const dimension = (value: Dimension.Dimension | "mechanism", locale: Locale.Locale): string =>
  Catalogue.format(reportingMessages, locale, `reporting.dimension.${value}`)

/**
 * A measure's label.
 */
export const measure = (value: Measure, locale: Locale.Locale): string =>
  Catalogue.format(reportingMessages, locale, `reporting.measure.${value}`)

/**
 * A table's title; a custom table is titled by its unit and dimensions.
 */
export const title = (
  table: {
    readonly name: TableName
    readonly source?: Source.Source
    readonly rowDimension: Dimension.Dimension | "mechanism"
    readonly columnDimension?: Dimension.Dimension
  },
  locale: Locale.Locale,
): string =>
  table.name === "custom" && table.source !== undefined && table.columnDimension !== undefined
    ? Catalogue.format(reportingMessages, locale, "reporting.table.custom", {
        unit: Catalogue.format(reportingMessages, locale, Source.labelKey(table.source)),
        rows: dimension(table.rowDimension, locale),
        columns: dimension(table.columnDimension, locale),
      })
    : Catalogue.format(reportingMessages, locale, `reporting.table.${table.name}`)

/**
 * The label of the totals' row and column.
 */
export const total = (locale: Locale.Locale): string =>
  Catalogue.format(reportingMessages, locale, "reporting.cell.total")

/**
 * The marker a hidden count is shown as.
 */
export const suppressed = (locale: Locale.Locale): string =>
  Catalogue.format(reportingMessages, locale, "reporting.cell.suppressed")
