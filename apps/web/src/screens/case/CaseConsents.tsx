/**
 * A case's consents: who gave each, for what, to which institutions, and
 * whether it is in force (withdrawn, or awaiting a second person's
 * confirmation, as the case package judges it); recording a new one, checked
 * with the API's schema, withdrawing one, and confirming one that needs it.
 */
import { CaseCommands, Consent } from "@bashke/case"
import type { Schemas } from "@bashke/client"
import { Either, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { useCaseCommand } from "../../CaseCommand"
import { FieldError, FormError, fromDecode, invalidProps } from "../../FieldProblem"
import { Select } from "../../Fields"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { Stale } from "../../Stale"
import { useText } from "../../Text"

const ConsentBody = CaseCommands.GiveConsent.pipe(Schema.omit("caseId", "expectedVersion"))
const checkConsent = Schema.decodeUnknownEither(ConsentBody)

type Step = "withdrawal" | "confirmation"

export const CaseConsents = ({ data }: { readonly data: Schemas["Case"] }) => {
  const text = useText()
  const { t, label, locale, date } = text
  const institutions = useInstitutions()
  const names = namesOf(institutions.data)
  const victim = data.persons.find((person) => person.role === "victim")
  const [givenBy, setGivenBy] = useState(victim?.id ?? "")
  const [purposes, setPurposes] = useState<ReadonlyArray<string>>([])
  const [named, setNamed] = useState<ReadonlyArray<string>>([])
  const [method, setMethod] = useState("")
  const give = useCaseCommand(data.id, data.version, (api, path, header, body) =>
    api.POST("/v1/cases/{caseId}/consents", { params: { path, header }, body: body as never }),
  )
  const change = useCaseCommand(
    data.id,
    data.version,
    (api, path, header, { consentId, step }: { consentId: string; step: Step }) =>
      step === "withdrawal"
        ? api.POST("/v1/cases/{caseId}/consents/{consentId}/withdrawal", {
            params: { path: { ...path, consentId }, header },
            body: {} as never,
          })
        : api.POST("/v1/cases/{caseId}/consents/{consentId}/confirmation", {
            params: { path: { ...path, consentId }, header },
            body: {} as never,
          }),
  )
  const roleOf = (personId: string) => {
    const role = data.persons.find((person) => person.id === personId)?.role
    return role === undefined ? "" : label(`case.person.role.${role}`)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = { givenBy, purposes, institutions: named, method }
    const checked = checkConsent(body)
    if (Either.isLeft(checked)) return give.setProblem(fromDecode(checked.left, text))
    give.run(body)
  }
  const toggle = (list: ReadonlyArray<string>, value: string, on: boolean) =>
    on ? [...list, value] : list.filter((each) => each !== value)
  const now = new Date()
  return (
    <section aria-labelledby="consents" className="card">
      <h2 id="consents">{t("web.case.consents")}</h2>
      {change.stale && <Stale reload={change.reload} />}
      <FormError problem={change.problem} shown={() => false} />
      {data.consents.length === 0 ? (
        <p>{t("web.case.consents.none")}</p>
      ) : (
        <ul className="worklist">
          {data.consents.map((consent) => {
            const decoded = Schema.decodeUnknownOption(Consent.Consent)(consent)
            const inForce =
              decoded._tag === "Some" && Consent.counts(decoded.value) && Consent.inForce(decoded.value, now)
            return (
              <li key={consent.id} className="item">
                <span>
                  <strong>{roleOf(consent.givenBy)}</strong> · {date(consent.from)} ·{" "}
                  <span className={`tag ${inForce ? "" : "warning"}`} data-testid="consent-state">
                    {consent.withdrawnAt !== undefined
                      ? t("web.case.consent.withdrawn")
                      : consent.needsConfirmation && consent.confirmation === undefined
                        ? t("web.case.consent.awaiting")
                        : t("web.case.consent.in-force")}
                  </span>
                </span>
                <span className="meta">
                  {t("web.case.consent.for", {
                    purposes: consent.purposes.map((purpose) => label(`case.consent.purpose.${purpose}`)).join(", "),
                  })}
                  {consent.institutions.length > 0 &&
                    ` · ${t("web.case.consent.names", {
                      names: consent.institutions.map((id) => nameOf(names, id, locale)).join(", "),
                    })}`}
                </span>
                {consent.withdrawnAt === undefined && (
                  <span className="actions">
                    {consent.needsConfirmation && consent.confirmation === undefined && (
                      <button
                        type="button"
                        className="button"
                        disabled={change.pending}
                        onClick={() => change.run({ consentId: consent.id, step: "confirmation" })}
                      >
                        {t("web.case.consent.confirm")}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button secondary"
                      disabled={change.pending}
                      onClick={() => change.run({ consentId: consent.id, step: "withdrawal" })}
                    >
                      {t("web.case.consent.withdraw")}
                    </button>
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <details>
        <summary>{t("web.case.consent.record")}</summary>
        <form onSubmit={submit} noValidate aria-label={t("web.case.consent.record")}>
          {give.stale && <Stale reload={give.reload} />}
          <FormError
            problem={give.problem}
            shown={(field) => ["givenBy", "purposes", "institutions", "method"].some((name) => field.startsWith(name))}
          />
          <Select
            scope="consent"
            field="givenBy"
            label={t("web.case.consent.given-by")}
            value={givenBy}
            options={data.persons
              .filter((person) => person.role !== "alleged-perpetrator")
              .map(
                (person, index) => [person.id, `${index + 1}. ${label(`case.person.role.${person.role}`)}`] as const,
              )}
            onChange={setGivenBy}
            problem={give.problem}
          />
          <fieldset className="field" {...invalidProps(give.problem, "purposes", undefined, "consent")}>
            <legend>{t("web.case.consent.purposes")}</legend>
            {Consent.ConsentPurpose.literals.map((purpose) => (
              <label key={purpose} className="choice">
                <input
                  type="checkbox"
                  name="purposes"
                  value={purpose}
                  checked={purposes.includes(purpose)}
                  onChange={(event) => setPurposes(toggle(purposes, purpose, event.currentTarget.checked))}
                />
                <span>{label(`case.consent.purpose.${purpose}`)}</span>
              </label>
            ))}
            <FieldError problem={give.problem} field="purposes" scope="consent" />
          </fieldset>
          <fieldset className="field" {...invalidProps(give.problem, "institutions", undefined, "consent")}>
            <legend>{t("web.case.consent.institutions")}</legend>
            {(institutions.data ?? []).map((institution) => (
              <label key={institution.id} className="choice">
                <input
                  type="checkbox"
                  name="institutions"
                  value={institution.id}
                  checked={named.includes(institution.id)}
                  onChange={(event) => setNamed(toggle(named, institution.id, event.currentTarget.checked))}
                />
                <span translate="no">{nameOf(names, institution.id, locale)}</span>
              </label>
            ))}
            <FieldError problem={give.problem} field="institutions" scope="consent" />
          </fieldset>
          <Select
            scope="consent"
            field="method"
            label={t("web.case.consent.method")}
            value={method}
            empty={t("web.open-case.choose")}
            options={Consent.ConsentMethod.literals.map(
              (code) => [code, label(`case.consent.method.${code}`)] as const,
            )}
            onChange={setMethod}
            problem={give.problem}
          />
          <button type="submit" className="button primary" disabled={give.pending}>
            {t("web.case.consent.save")}
          </button>
        </form>
      </details>
    </section>
  )
}
