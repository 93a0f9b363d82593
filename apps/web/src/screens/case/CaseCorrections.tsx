/**
 * Correcting a case's records, each with a reason: a person's relationship
 * and identifying details (new values only: what is recorded now is never
 * shown here), an incident's facts, a protection order's conditions (the law's
 * kinds from the jurisdiction profile). Each form is checked with the API's
 * own schema before it goes — a correction without a reason is refused beside
 * the reason — and sent with the case version the page read (`If-Match`).
 * Below, the corrections made so far (`CorrectionHistory`).
 */
import { Corrections, caseMessages, caseworkMessages, Incident, OrderCondition, Relationship } from "@bashke/case"
import type { Schemas } from "@bashke/client"
import { JurisdictionProfile, LocalizedText } from "@bashke/kernel"
import { useQuery } from "@tanstack/react-query"
import { Link, useParams } from "@tanstack/react-router"
import { Either, Schema } from "effect"
import { type FormEvent, type ReactNode, useState } from "react"
import { FieldError, FormError, fromDecode, inputId, invalidProps, type Problem } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { addMessages, usePageTitle, useText } from "../../Text"
import { useVersionedCommand } from "../../VersionedCommand"
import { webCaseworkMessages } from "../../WebCaseworkMessages"
import { webCorrectionsMessages } from "../../WebCorrectionsMessages"
import { CorrectionHistory } from "./CorrectionHistory"

addMessages(caseMessages)
addMessages(caseworkMessages)
addMessages(webCaseworkMessages)
addMessages(webCorrectionsMessages)

const profile = JurisdictionProfile.kosovo
type CaseData = Schemas["Case"]

const checkPerson = Schema.decodeUnknownEither(
  Corrections.CorrectPerson.pipe(Schema.omit("caseId", "personId", "expectedVersion")),
)
const checkIncident = Schema.decodeUnknownEither(
  Corrections.CorrectIncident.pipe(Schema.omit("caseId", "incidentId", "expectedVersion")),
)
const checkConditions = Schema.decodeUnknownEither(
  Corrections.CorrectOrderConditions.pipe(Schema.omit("caseId", "orderId", "expectedVersion")),
)

/** A correction's command on the case: refetches the case and its corrections when it is made. */
const useCorrection = (
  data: CaseData,
  send: (api: ReturnType<typeof useApi>, header: { "If-Match": string }, body: never) => Promise<unknown>,
) => {
  const [saved, setSaved] = useState(false)
  const command = useVersionedCommand<unknown>({
    invalidates: [
      ["case", data.id],
      ["case-corrections", data.id],
    ],
    version: data.version,
    send: (api, header, body) => send(api, header, body as never),
    done: () => setSaved(true),
  })
  return { ...command, saved, setSaved }
}

/** The reason every correction needs, its refusal beneath. */
const Reason = ({
  scope,
  value,
  onChange,
  problem,
}: {
  readonly scope: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly problem: Problem | undefined
}) => {
  const { t } = useText()
  return (
    <div className="field">
      <label htmlFor={inputId("reason", scope)}>{t("web.corrections.reason")}</label>
      <textarea
        id={inputId("reason", scope)}
        value={value}
        rows={3}
        onChange={(event) => onChange(event.currentTarget.value)}
        {...invalidProps(problem, "reason", undefined, scope)}
      />
      <FieldError problem={problem} field="reason" scope={scope} />
    </div>
  )
}

/** One correction's form: its heading, fields, reason, the stale notice and the result. */
const CorrectionForm = ({
  id,
  title,
  command,
  shown,
  onSubmit,
  children,
}: {
  readonly id: string
  readonly title: string
  readonly command: ReturnType<typeof useCorrection>
  readonly shown: ReadonlyArray<string>
  readonly onSubmit: () => void
  readonly children: ReactNode
}) => {
  const { t } = useText()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    command.setSaved(false)
    onSubmit()
  }
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      <form onSubmit={submit} noValidate aria-labelledby={id}>
        {command.stale && <Stale reload={command.reload} />}
        <FormError
          problem={command.problem}
          shown={(field) => shown.some((name) => field === name || field.startsWith(`${name}.`))}
        />
        {children}
        <button type="submit" className="button primary" disabled={command.pending}>
          {t("web.corrections.save")}
        </button>
        {command.saved && command.problem === undefined && (
          <p role="status" className="notice">
            {t("web.corrections.saved")}
          </p>
        )}
      </form>
    </section>
  )
}

const PersonCorrection = ({ data }: { readonly data: CaseData }) => {
  const text = useText()
  const { t, label } = text
  const scope = "person"
  const [personId, setPersonId] = useState(
    data.persons.find((each) => each.role !== "victim")?.id ?? data.persons[0]?.id ?? "",
  )
  const [kind, setKind] = useState("")
  const [time, setTime] = useState("current")
  const [givenName, setGivenName] = useState("")
  const [familyName, setFamilyName] = useState("")
  const [reason, setReason] = useState("")
  const command = useCorrection(data, (api, header, body) =>
    api.POST("/v1/cases/{caseId}/persons/{personId}/corrections", {
      params: { path: { caseId: data.id, personId }, header },
      body,
    }),
  )
  const person = data.persons.find((each) => each.id === personId)
  const submit = () => {
    const details = {
      ...(givenName.trim() === "" ? {} : { givenName: givenName.trim() }),
      ...(familyName.trim() === "" ? {} : { familyName: familyName.trim() }),
    }
    const body = {
      person: kind === "" ? {} : { relationship: { kind, time } },
      ...(Object.keys(details).length === 0 ? {} : { details }),
      reason,
    }
    const checked = checkPerson(body)
    if (Either.isLeft(checked)) return command.setProblem(fromDecode(checked.left, text))
    command.run(body)
  }
  return (
    <CorrectionForm
      id="correct-person"
      title={t("web.corrections.person")}
      command={command}
      shown={["person", "details", "reason"]}
      onSubmit={submit}
    >
      <Select
        scope={scope}
        field="personId"
        label={t("web.corrections.person.which")}
        value={personId}
        options={data.persons.map(
          (each, index) =>
            [
              each.id,
              `${index + 1}. ${label(`case.person.role.${each.role}`)}${each.ageBand === undefined ? "" : ` · ${label(`case.person.age-band.${each.ageBand}`)}`}`,
            ] as const,
        )}
        onChange={setPersonId}
        problem={command.problem}
      />
      {person?.role !== "victim" && (
        <>
          <Select
            scope={scope}
            field="person.relationship.kind"
            label={t("web.open-case.relationship")}
            value={kind}
            empty={t("web.corrections.keep")}
            options={Relationship.RelationshipKind.literals.map(
              (code) => [code, label(`case.relationship.${code}`)] as const,
            )}
            onChange={setKind}
            problem={command.problem}
          />
          {kind !== "" && (
            <Select
              scope={scope}
              field="person.relationship.time"
              label={t("web.open-case.relationship-time")}
              value={time}
              options={Relationship.RelationshipTime.literals.map(
                (code) => [code, label(`case.relationship.time.${code}`)] as const,
              )}
              onChange={setTime}
              problem={command.problem}
            />
          )}
        </>
      )}
      <fieldset>
        <legend>{t("web.corrections.person.details")}</legend>
        <p className="hint">{t("web.corrections.person.details-hint")}</p>
        <TextInput
          scope={scope}
          field="details.givenName"
          label={label("case.person.details.given-name")}
          value={givenName}
          onChange={setGivenName}
          problem={command.problem}
        />
        <TextInput
          scope={scope}
          field="details.familyName"
          label={label("case.person.details.family-name")}
          value={familyName}
          onChange={setFamilyName}
          problem={command.problem}
        />
      </fieldset>
      <Reason scope={scope} value={reason} onChange={setReason} problem={command.problem} />
    </CorrectionForm>
  )
}

const IncidentCorrection = ({ data }: { readonly data: CaseData }) => {
  const text = useText()
  const { t, label, date } = text
  const scope = "incident"
  const [incidentId, setIncidentId] = useState(data.incidents[0]?.id ?? "")
  const [occurredOn, setOccurredOn] = useState("")
  const [place, setPlace] = useState("")
  const [reason, setReason] = useState("")
  const command = useCorrection(data, (api, header, body) =>
    api.POST("/v1/cases/{caseId}/incidents/{incidentId}/corrections", {
      params: { path: { caseId: data.id, incidentId }, header },
      body,
    }),
  )
  const submit = () => {
    const body = {
      incident: { ...(occurredOn === "" ? {} : { occurredOn }), ...(place === "" ? {} : { place }) },
      reason,
    }
    const checked = checkIncident(body)
    if (Either.isLeft(checked)) return command.setProblem(fromDecode(checked.left, text))
    command.run(body)
  }
  if (data.incidents.length === 0) return null
  return (
    <CorrectionForm
      id="correct-incident"
      title={t("web.corrections.incident")}
      command={command}
      shown={["incident", "reason"]}
      onSubmit={submit}
    >
      <Select
        scope={scope}
        field="incidentId"
        label={t("web.corrections.incident.which")}
        value={incidentId}
        options={data.incidents.map(
          (each) =>
            [each.id, t("web.corrections.incident.of", { date: date(`${each.occurredOn}T12:00:00Z`) })] as const,
        )}
        onChange={setIncidentId}
        problem={command.problem}
      />
      <TextInput
        scope={scope}
        field="incident.occurredOn"
        type="date"
        label={t("web.corrections.incident.occurred-on")}
        value={occurredOn}
        onChange={setOccurredOn}
        problem={command.problem}
      />
      <Select
        scope={scope}
        field="incident.place"
        label={t("web.corrections.incident.place")}
        value={place}
        empty={t("web.corrections.keep")}
        options={Incident.Place.literals.map((code) => [code, label(`case.incident.place.${code}`)] as const)}
        onChange={setPlace}
        problem={command.problem}
      />
      <Reason scope={scope} value={reason} onChange={setReason} problem={command.problem} />
    </CorrectionForm>
  )
}

type Condition = {
  kind: string
  distanceMeters?: number
  places?: ReadonlyArray<string>
  children?: ReadonlyArray<string>
}

const OrderConditions = ({ data }: { readonly data: CaseData }) => {
  const text = useText()
  const { t, label, locale } = text
  const scope = "order"
  const [orderId, setOrderId] = useState(data.orders[0]?.id ?? "")
  const order = data.orders.find((each) => each.id === orderId)
  const [conditions, setConditions] = useState<Record<string, Condition>>(() =>
    Object.fromEntries((order?.conditions ?? []).map((each) => [each.kind, each])),
  )
  const [distance, setDistance] = useState(() =>
    String(order?.conditions?.find((each) => each.distanceMeters)?.distanceMeters ?? ""),
  )
  const [reason, setReason] = useState("")
  const command = useCorrection(data, (api, header, body) =>
    api.POST("/v1/cases/{caseId}/protection-orders/{orderId}/conditions/corrections", {
      params: { path: { caseId: data.id, orderId }, header },
      body,
    }),
  )
  const children = data.persons.filter((person) => person.role === "child")
  const kinds = Object.entries(profile.protectionOrders.conditions)
  const choose = (id: string) => {
    setOrderId(id)
    const chosen = data.orders.find((each) => each.id === id)
    setConditions(Object.fromEntries((chosen?.conditions ?? []).map((each) => [each.kind, each])))
  }
  const toggle = (kind: string, on: boolean) =>
    setConditions((current) => {
      const { [kind]: _dropped, ...rest } = current
      return on ? { ...rest, [kind]: { kind } } : rest
    })
  const toggleIn = (kind: string, list: "places" | "children", value: string, on: boolean) =>
    setConditions((current) => {
      const condition = current[kind] ?? { kind }
      const values = new Set(condition[list] ?? [])
      if (on) values.add(value)
      else values.delete(value)
      return { ...current, [kind]: { ...condition, [list]: [...values] } }
    })
  const submit = () => {
    const body = {
      conditions: kinds
        .filter(([kind]) => conditions[kind] !== undefined)
        .map(([kind, definition]) => {
          const condition = conditions[kind] as Condition
          return {
            kind,
            ...(definition.needs.includes("distance")
              ? { distanceMeters: distance === "" ? undefined : Number(distance) }
              : {}),
            ...(definition.needs.includes("places") ? { places: condition.places ?? [] } : {}),
            ...(definition.needs.includes("children") ? { children: condition.children ?? [] } : {}),
          }
        }),
      reason,
    }
    const checked = checkConditions(body)
    if (Either.isLeft(checked)) return command.setProblem(fromDecode(checked.left, text))
    command.run(body)
  }
  if (data.orders.length === 0) return null
  const kindName = (code: string) => {
    const found = profile.protectionOrders.kinds[code]
    return found === undefined ? code : LocalizedText.localize(found.name, locale)
  }
  return (
    <CorrectionForm
      id="correct-order"
      title={t("web.corrections.order")}
      command={command}
      shown={["conditions", "reason"]}
      onSubmit={submit}
    >
      <Select
        scope={scope}
        field="orderId"
        label={t("web.corrections.order.which")}
        value={orderId}
        options={data.orders.map(
          (each, index) =>
            [each.id, `${index + 1}. ${kindName(each.kind)} · ${label(`case.order.status.${each.status}`)}`] as const,
        )}
        onChange={choose}
        problem={command.problem}
      />
      <fieldset>
        <legend>{t("web.corrections.order.conditions")}</legend>
        {kinds.map(([kind, definition]) => {
          const on = conditions[kind] !== undefined
          const id = inputId(`conditions.${kind}`, scope)
          return (
            <div key={kind} className="condition">
              <div className="check">
                <input
                  id={id}
                  type="checkbox"
                  checked={on}
                  onChange={(event) => toggle(kind, event.currentTarget.checked)}
                />
                <label htmlFor={id}>{LocalizedText.localize(definition.name, locale)}</label>
              </div>
              {on && definition.needs.includes("distance") && (
                <TextInput
                  scope={scope}
                  field={`conditions.${kinds.filter(([code]) => conditions[code] !== undefined).findIndex(([code]) => code === kind)}.distanceMeters`}
                  type="number"
                  label={t("web.corrections.order.distance")}
                  value={distance}
                  onChange={setDistance}
                  problem={undefined}
                />
              )}
              {on && definition.needs.includes("places") && (
                <fieldset className="checks">
                  <legend>{t("web.corrections.order.places")}</legend>
                  {OrderCondition.PlaceKind.literals.map((place) => (
                    <label key={place} className="check">
                      <input
                        type="checkbox"
                        checked={conditions[kind]?.places?.includes(place) ?? false}
                        onChange={(event) => toggleIn(kind, "places", place, event.currentTarget.checked)}
                      />
                      {t(`web.corrections.place.${place}`)}
                    </label>
                  ))}
                </fieldset>
              )}
              {on && definition.needs.includes("children") && (
                <fieldset className="checks">
                  <legend>{t("web.corrections.order.children")}</legend>
                  {children.map((child, number) => (
                    <label key={child.id} className="check">
                      <input
                        type="checkbox"
                        checked={conditions[kind]?.children?.includes(child.id) ?? false}
                        onChange={(event) => toggleIn(kind, "children", child.id, event.currentTarget.checked)}
                      />
                      {t("web.corrections.order.child", { number: number + 1 })}
                    </label>
                  ))}
                </fieldset>
              )}
            </div>
          )
        })}
        <FieldError problem={command.problem} field="conditions" scope={scope} />
      </fieldset>
      <Reason scope={scope} value={reason} onChange={setReason} problem={command.problem} />
    </CorrectionForm>
  )
}

export const CaseCorrections = () => {
  const { caseId } = useParams({ from: "/cases/$caseId/corrections" })
  const { t } = useText()
  const api = useApi()
  const found = useQuery({
    queryKey: ["case", caseId],
    queryFn: async () => (await api.GET("/v1/cases/{caseId}", { params: { path: { caseId } } })).data,
  })
  usePageTitle(
    found.data === undefined
      ? t("web.corrections.link")
      : t("web.corrections.title", { reference: found.data.reference }),
  )
  return (
    <Loaded query={found}>
      {(data) => (
        <>
          <h1>{t("web.corrections.title", { reference: data.reference })}</h1>
          <p>
            <Link to="/cases/$caseId" params={{ caseId }}>
              {t("web.corrections.back")}
            </Link>
          </p>
          <PersonCorrection data={data} />
          <IncidentCorrection data={data} />
          <OrderConditions data={data} />
          <CorrectionHistory data={data} />
        </>
      )}
    </Loaded>
  )
}
