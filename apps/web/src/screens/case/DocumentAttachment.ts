/**
 * What a document is attached to, as the forms and lists name it: the case
 * as a whole, one of its survivors (by role), one of its protection orders or
 * consents (by status and date) — each as a value `case`, `person:<id>`,
 * `order:<id>`, `consent:<id>`.
 */
import type { Schemas } from "@bashke/client"
import type { Text } from "../../Text"
import { type CaseData, survivorsOf } from "./CaseRecordsPage"

/** The value of what a document is attached to. */
export const attachmentValue = (attachedTo: Schemas["DocumentAttachedTo"]): string => {
  switch (attachedTo._tag) {
    case "person":
      return `person:${attachedTo.personId}`
    case "order":
      return `order:${attachedTo.orderId}`
    case "consent":
      return `consent:${attachedTo.consentId}`
    default:
      return "case"
  }
}

/** The upload's query naming what the document is attached to (nothing: the case). */
export const queryOf = (value: string) => {
  const [tag, id] = value.split(":")
  if (id === undefined) return {}
  return tag === "person" ? { personId: id } : tag === "order" ? { orderId: id } : { consentId: id }
}

/** Everything in the case a document may be attached to, with its name. */
export const attachmentsOf = (data: CaseData, text: Text): ReadonlyArray<readonly [string, string]> => {
  const { t, label, date } = text
  return [
    ["case", t("web.documents.attached.case")],
    ...survivorsOf(data, label).map(([id, name]) => [`person:${id}`, name] as const),
    ...data.orders.map(
      (order) =>
        [
          `order:${order.id}`,
          t("web.documents.attached.order", {
            status: label(`case.order.status.${order.status}`),
            date: date(order.issuedAt ?? order.requestedAt ?? order.decidedAt ?? data.openedAt),
          }),
        ] as const,
    ),
    ...data.consents.map(
      (consent) =>
        [`consent:${consent.id}`, t("web.documents.attached.consent", { date: date(consent.from) })] as const,
    ),
  ]
}
