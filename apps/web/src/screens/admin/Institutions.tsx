/**
 * The institution registry: every institution by name in the reader's
 * language, with its sector and municipality. An administrator registers an
 * institution and revises one — its name in the four languages (Serbian
 * Cyrillic derived from the Latin when left empty), sector and municipality —
 * sent with the version read (`If-Match`), the API's refusal by its field.
 */
import type { Schemas } from "@bashke/client"
import { Municipality, Sector } from "@bashke/kernel"
import { Option } from "effect"
import { type FormEvent, useState } from "react"
import { ifMatch } from "../../CaseCommand"
import { FormError } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { useInstitutions } from "../../Institutions"
import { Loaded } from "../../Loading"
import * as LocaleOrder from "../../LocaleOrder"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { type MessageKey, useText } from "../../Text"
import { useAdminCommand } from "./AdminCommand"
import { AdminFrame, useIsAdministrator } from "./AdminFrame"

const languages = ["sq", "sr-Latn", "sr-Cyrl", "en"] as const
const sectorKey = (sector: string) => `sector.${sector}` as MessageKey
const institutionsKey = ["institutions"] as const

const municipalityName = (code: string, locale: (typeof languages)[number]): string =>
  Option.match(Municipality.find(code), { onNone: () => code, onSome: (found) => found.name[locale] ?? code })

/** The form of an institution: a new one (`institution` absent) or a revision. */
const InstitutionForm = ({
  institution,
  scope,
}: {
  readonly institution?: Schemas["RegisteredInstitution"]
  readonly scope: string
}) => {
  const { t, locale } = useText()
  const api = useApi()
  const [name, setName] = useState<Record<string, string>>({ ...(institution?.name ?? {}) })
  const [sector, setSector] = useState<string>(institution?.sector ?? "")
  const [municipality, setMunicipality] = useState<string>(institution?.municipality ?? "")
  const save = useAdminCommand(
    async (body: object) =>
      institution === undefined
        ? (await api.POST("/v1/institutions", { body: body as never })).data
        : (
            await api.PUT("/v1/institutions/{institutionId}", {
              params: { path: { institutionId: institution.id }, header: { "If-Match": ifMatch(institution.version) } },
              body: body as never,
            })
          ).data,
    {
      refresh: [institutionsKey],
      done: () => {
        if (institution === undefined) {
          setName({})
          setSector("")
          setMunicipality("")
        }
      },
    },
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const given = Object.fromEntries(
      languages.flatMap((language) => {
        const text = name[language] ?? ""
        // Serbian Cyrillic left empty: the API derives it from the Latin.
        return language === "sr-Cyrl" && text.trim() === "" ? [] : [[language, text]]
      }),
    )
    save.run({ name: given, sector, ...(municipality === "" ? {} : { municipality }) })
  }
  const label = institution === undefined ? t("web.admin.institutions.register") : t("web.admin.institutions.revise")
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      {save.stale && <Stale reload={save.reload} />}
      <FormError
        problem={save.problem}
        shown={(field) => field === "sector" || field === "municipality" || field.startsWith("name.")}
      />
      {languages.map((language) => (
        <TextInput
          key={language}
          scope={scope}
          field={`name.${language}`}
          label={t("web.admin.institutions.name-in", { language: t(`locale.${language.toLowerCase()}` as MessageKey) })}
          value={name[language] ?? ""}
          onChange={(value) => setName({ ...name, [language]: value })}
          problem={save.problem}
        />
      ))}
      <Select
        scope={scope}
        field="sector"
        label={t("web.admin.sector")}
        value={sector}
        empty={t("web.admin.choose")}
        options={Sector.Sector.literals.map((code) => [code, t(sectorKey(code))] as const)}
        onChange={setSector}
        problem={save.problem}
      />
      <Select
        scope={scope}
        field="municipality"
        label={t("web.admin.institutions.municipality")}
        value={municipality}
        empty={t("web.admin.none")}
        names
        options={Municipality.codes.map((code) => [code, municipalityName(code, locale)] as const)}
        onChange={setMunicipality}
        problem={save.problem}
      />
      {save.succeeded && save.problem === undefined && <p role="status">{t("web.admin.saved")}</p>}
      <button type="submit" className="button primary" disabled={save.pending}>
        {label}
      </button>
    </form>
  )
}

export const Institutions = () => {
  const { t, locale } = useText()
  const administrator = useIsAdministrator()
  const institutions = useInstitutions()
  return (
    <AdminFrame title="web.admin.institutions.title">
      <Loaded query={institutions}>
        {(items) => (
          <ul className="worklist">
            {[...items]
              .sort((a, b) => LocaleOrder.compare(locale)(a.name[locale], b.name[locale]))
              .map((institution) => (
                <li key={institution.id} className="item">
                  <h2 className="item-title">{institution.name[locale]}</h2>
                  <p className="meta">
                    {t(sectorKey(institution.sector))}
                    {institution.municipality !== undefined && (
                      <>
                        {" · "}
                        <span translate="no">{municipalityName(institution.municipality, locale)}</span>
                      </>
                    )}
                  </p>
                  {administrator && (
                    <details>
                      <summary>{t("web.admin.institutions.revise")}</summary>
                      <InstitutionForm institution={institution} scope={`institution-${institution.id}`} />
                    </details>
                  )}
                </li>
              ))}
          </ul>
        )}
      </Loaded>
      {administrator && (
        <section aria-labelledby="register" className="card">
          <h2 id="register">{t("web.admin.institutions.register")}</h2>
          <InstitutionForm scope="register" />
        </section>
      )}
    </AdminFrame>
  )
}
