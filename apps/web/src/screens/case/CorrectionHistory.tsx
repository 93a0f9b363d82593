/**
 * A case's corrections as history: what was corrected, which fields, the
 * previous values, who, when and why. The API lists them to the case team's
 * full-access members only (each listing audited) and never returns the
 * previous value of an identifying detail (a name, a personal number): those
 * show as sealed. To anyone else the list is refused, and the timeline simply
 * has no correction in it.
 */
import type { Schemas } from "@bashke/client"
import { JurisdictionProfile, LocalizedText } from "@bashke/kernel"
import { useQuery } from "@tanstack/react-query"
import { everyPage } from "../../EveryPage"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { type MessageKey, type Text, useText } from "../../Text"

type Correction = Schemas["Correction"]

const profile = JurisdictionProfile.kosovo
const detailsPrefix = "details."

/** The corrections of a case (every page the API answers, oldest first). */
export const useCorrections = (caseId: string) => {
  const api = useApi()
  return useQuery({
    queryKey: ["case-corrections", caseId],
    enabled: caseId !== "",
    retry: false,
    queryFn: async () => {
      return everyPage((after) =>
        api.GET("/v1/cases/{caseId}/corrections", { params: { path: { caseId }, query: { limit: 100, ...after } } }),
      )
    },
  })
}

const kindKey = (kind: string) => `web.corrections.kind.${kind}` as MessageKey

/** A field's name in the reader's words. */
const fieldName = (field: string, text: Text): string => {
  if (field.startsWith(detailsPrefix))
    return text.label(
      `case.person.details.${field.slice(detailsPrefix.length).replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`)}`,
    )
  switch (field) {
    case "relationship":
      return text.t("web.open-case.relationship")
    case "occurredOn":
      return text.t("web.corrections.incident.occurred-on")
    case "place":
      return text.t("web.corrections.incident.place")
    case "conditions":
      return text.t("web.corrections.order.conditions")
    default:
      return field
  }
}

/** A previous value in the reader's words (codes as labels, dates as dates). */
const previousValue = (field: string, value: unknown, text: Text): string => {
  if (value === null || value === undefined) return text.t("web.corrections.previous.none")
  if (field === "relationship" && typeof value === "object") {
    const { kind, time } = value as { kind?: string; time?: string }
    return `${text.label(`case.relationship.${kind}`)} (${text.label(`case.relationship.time.${time}`)})`
  }
  if (field === "place" && typeof value === "string") return text.label(`case.incident.place.${value}`)
  if (field === "occurredOn" && typeof value === "string") return text.date(`${value}T12:00:00Z`)
  if (field === "forms" && Array.isArray(value))
    return value.map((form) => text.label(`case.incident.form.${form}`)).join(", ")
  if (field === "conditions" && Array.isArray(value))
    return value.length === 0
      ? text.t("web.corrections.previous.none")
      : value
          .map((condition: { kind: string; distanceMeters?: number }) => {
            const kind = profile.protectionOrders.conditions[condition.kind]
            const name = kind === undefined ? condition.kind : LocalizedText.localize(kind.name, text.locale)
            return condition.distanceMeters === undefined
              ? name
              : `${name} (${text.number(condition.distanceMeters)} m)`
          })
          .join(", ")
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value)
}

/** The record a correction is about, by role or date: never a name. */
const recordOf = (data: Schemas["Case"], correction: Correction, text: Text): string => {
  const kind = text.t(kindKey(correction.kind))
  if (correction.kind === "person") {
    const person = data.persons.find((each) => each.id === correction.recordId)
    return person === undefined ? kind : `${kind} · ${text.label(`case.person.role.${person.role}`)}`
  }
  if (correction.kind === "incident") {
    const incident = data.incidents.find((each) => each.id === correction.recordId)
    return incident === undefined
      ? kind
      : text.t("web.corrections.incident.of", { date: text.date(`${incident.occurredOn}T12:00:00Z`) })
  }
  return kind
}

/** The case timeline's entries for its corrections (none where the list is refused). */
export const useCorrectionHappenings = (data: Schemas["Case"] | undefined) => {
  const text = useText()
  const corrections = useCorrections(data?.id ?? "")
  if (data === undefined || corrections.data === undefined) return []
  return corrections.data.map((correction) => ({
    at: correction.correctedAt,
    key: correction.id,
    title: text.t("web.case.event.correction", { record: recordOf(data, correction, text) }),
    detail: text.t("web.corrections.changed", {
      fields: correction.fields.map((field) => fieldName(field, text)).join(", "),
    }),
  }))
}

/** The corrections as a list: each with its fields, previous values, reason, who and when. */
export const CorrectionHistory = ({ data }: { readonly data: Schemas["Case"] }) => {
  const text = useText()
  const { t, dateTime, locale } = text
  const corrections = useCorrections(data.id)
  const institutions = useInstitutions()
  const names = namesOf(institutions.data)
  return (
    <section aria-labelledby="correction-history" className="card">
      <h2 id="correction-history">{t("web.corrections.history")}</h2>
      <Loaded query={corrections}>
        {(items) =>
          items.length === 0 ? (
            <p>{t("web.corrections.history.none")}</p>
          ) : (
            <ol className="timeline" data-testid="corrections">
              {[...items].reverse().map((correction) => (
                <li key={correction.id}>
                  <time dateTime={correction.correctedAt}>
                    {t("web.corrections.by", {
                      institution: nameOf(names, correction.institution, locale),
                      when: dateTime(correction.correctedAt),
                    })}
                  </time>
                  <strong>{recordOf(data, correction, text)}</strong>
                  <dl className="facts">
                    {correction.fields.map((field) => (
                      <div key={field} className="fact">
                        <dt>{fieldName(field, text)}</dt>
                        <dd>
                          {t("web.corrections.previous")}:{" "}
                          {field.startsWith(detailsPrefix)
                            ? t("web.corrections.previous.sealed")
                            : previousValue(field, correction.previous[field], text)}
                        </dd>
                      </div>
                    ))}
                    <div className="fact">
                      <dt>{t("web.corrections.reason.shown")}</dt>
                      <dd translate="no">{correction.reason}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  )
}
