/**
 * A case's protection orders with their deadlines — the court's decision due
 * on a requested order (the profile's `decisionWithin`), the expiry of an
 * issued one, the next hearing — and recording a new order (requested from
 * the court, or issued by the police) and what happens to one (issued,
 * rejected, extended, a hearing, a breach), checked with the API's schema.
 */
import { CaseCommands, ProtectionOrder, ProtectionOrderDeadlines } from "@bashke/case"
import type { Schemas } from "@bashke/client"
import { JurisdictionProfile, LocalizedText } from "@bashke/kernel"
import { Either, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { useCaseCommand } from "../../CaseCommand"
import { FormError, fromDecode } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { Stale } from "../../Stale"
import { useText } from "../../Text"

const profile = JurisdictionProfile.kosovo
const kinds = Object.entries(profile.protectionOrders.kinds)
const OrderBody = CaseCommands.RecordOrder.pipe(Schema.omit("caseId", "expectedVersion"))
const checkOrder = Schema.decodeUnknownEither(OrderBody)
const EventBody = CaseCommands.RecordOrderEvent.pipe(Schema.omit("caseId", "orderId", "expectedVersion"))
const checkEvent = Schema.decodeUnknownEither(EventBody)
/** The events that need a date of their own: an extension's new expiry, a hearing's day. */
const dated: Record<string, "until" | "hearingAt"> = { extended: "until", "hearing-scheduled": "hearingAt" }

type Order = Schemas["ProtectionOrder"]

const Deadlines = ({ order }: { readonly order: Order }) => {
  const { t, dateTime } = useText()
  const due =
    order.status === "requested" && order.requestedAt !== undefined
      ? ProtectionOrderDeadlines.decisionDue({ kind: order.kind, requestedAt: new Date(order.requestedAt) }, profile)
      : undefined
  const now = Date.now()
  const hearing = order.hearings.map((each) => each.at).find((at) => new Date(at).getTime() >= now)
  return (
    <span className="meta">
      {due !== undefined && (
        <time dateTime={due.toISOString()}>{t("web.case.order.decision-due", { when: dateTime(due) })}</time>
      )}
      {order.expiresAt !== undefined && order.status !== "expired" && order.status !== "rejected" && (
        <time dateTime={order.expiresAt}>{t("web.case.order.expires", { when: dateTime(order.expiresAt) })}</time>
      )}
      {hearing !== undefined && (
        <time dateTime={hearing}>{t("web.case.order.hearing", { when: dateTime(hearing) })}</time>
      )}
      {order.breaches.length > 0 && (
        <span className="tag warning">{t("web.case.order.breaches", { count: order.breaches.length })}</span>
      )}
    </span>
  )
}

/** What happened to one order (issued, rejected, extended, a hearing…), as of now. */
const OrderEvent = ({ data, order }: { readonly data: Schemas["Case"]; readonly order: Order }) => {
  const text = useText()
  const { t } = text
  const [event, setEvent] = useState("")
  const [day, setDay] = useState("")
  const command = useCaseCommand(data.id, data.version, (api, path, header, body) =>
    api.POST("/v1/cases/{caseId}/protection-orders/{orderId}/events", {
      params: { path: { ...path, orderId: order.id }, header },
      body: body as never,
    }),
  )
  const scope = `event-${order.id}`
  const submit = (submitted: FormEvent) => {
    submitted.preventDefault()
    const extra = dated[event]
    // A day chosen is taken at noon in the jurisdiction's day: the law counts days, not hours.
    const body = {
      event,
      at: new Date().toISOString(),
      ...(extra === undefined ? {} : { [extra]: day === "" ? "" : new Date(`${day}T12:00:00Z`).toISOString() }),
    }
    const checked = checkEvent(body)
    if (Either.isLeft(checked)) return command.setProblem(fromDecode(checked.left, text))
    command.run(body)
  }
  return (
    <details>
      <summary>{t("web.case.order.event.record")}</summary>
      <form onSubmit={submit} noValidate aria-label={t("web.case.order.event.record")}>
        {command.stale && <Stale reload={command.reload} />}
        <FormError problem={command.problem} shown={(field) => ["event", "until", "hearingAt"].includes(field)} />
        <Select
          scope={scope}
          field="event"
          label={t("web.case.order.event")}
          value={event}
          empty={t("web.open-case.choose")}
          options={CaseCommands.OrderEventName.literals.map(
            (name) => [name, t(`web.case.order.event.${name}`)] as const,
          )}
          onChange={setEvent}
          problem={command.problem}
        />
        {dated[event] !== undefined && (
          <TextInput
            scope={scope}
            field={dated[event] as string}
            type="date"
            label={t("web.case.order.when")}
            value={day}
            onChange={setDay}
            problem={command.problem}
          />
        )}
        <button type="submit" className="button primary" disabled={command.pending}>
          {t("web.case.edit.save")}
        </button>
      </form>
    </details>
  )
}

export const CaseOrders = ({ data }: { readonly data: Schemas["Case"] }) => {
  const text = useText()
  const { t, label, locale } = text
  const [kind, setKind] = useState(kinds[0]?.[0] ?? "")
  const [petitioner, setPetitioner] = useState("")
  const [stage, setStage] = useState<"requested" | "issued">("requested")
  const command = useCaseCommand(data.id, data.version, (api, path, header, body) =>
    api.POST("/v1/cases/{caseId}/protection-orders", { params: { path, header }, body: body as never }),
  )
  const kindName = (code: string) => {
    const found = profile.protectionOrders.kinds[code]
    return found === undefined ? code : LocalizedText.localize(found.name, locale)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const now = new Date().toISOString()
    const body = { kind, petitioner, ...(stage === "requested" ? { requestedAt: now } : { issuedAt: now }) }
    const checked = checkOrder(body)
    if (Either.isLeft(checked)) return command.setProblem(fromDecode(checked.left, text))
    command.run(body)
  }
  return (
    <section aria-labelledby="orders" className="card">
      <h2 id="orders">{t("web.case.orders")}</h2>
      {data.orders.length === 0 ? (
        <p>{t("web.case.orders.none")}</p>
      ) : (
        <ul className="worklist">
          {data.orders.map((order) => (
            <li key={order.id} className="item">
              <span>
                <strong>{kindName(order.kind)}</strong> · {label(`case.order.status.${order.status}`)}
              </span>
              <Deadlines order={order} />
              <OrderEvent data={data} order={order} />
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t("web.case.order.record")}</summary>
        <form onSubmit={submit} noValidate>
          {command.stale && <Stale reload={command.reload} />}
          <FormError problem={command.problem} shown={(field) => ["kind", "petitioner"].includes(field)} />
          <Select
            scope="order"
            field="kind"
            label={t("web.case.order.kind")}
            value={kind}
            options={kinds.map(([code]) => [code, kindName(code)] as const)}
            onChange={setKind}
            problem={command.problem}
          />
          <Select
            scope="order"
            field="petitioner"
            label={t("web.case.order.petitioner")}
            value={petitioner}
            empty={t("web.open-case.choose")}
            options={ProtectionOrder.Petitioner.literals.map(
              (code) => [code, label(`case.order.petitioner.${code}`)] as const,
            )}
            onChange={setPetitioner}
            problem={command.problem}
          />
          <Select
            scope="order"
            field="stage"
            label={t("web.case.order.stage")}
            value={stage}
            options={[
              ["requested", t("web.case.order.stage.requested")],
              ["issued", t("web.case.order.stage.issued")],
            ]}
            onChange={(value) => setStage(value as "requested" | "issued")}
            problem={command.problem}
          />
          <button type="submit" className="button primary" disabled={command.pending}>
            {t("web.case.order.save")}
          </button>
        </form>
      </details>
    </section>
  )
}
