/**
 * A case's team: each member institution, its access and which one leads;
 * adding an institution (with full or summary access), removing one, and
 * handing the lead to another — the changes `PUT /v1/cases/{id}/team` takes,
 * refused by the API's rules (a child's case keeps social work on it, the
 * lead has full access) next to the form.
 */
import { CaseCommands } from "@bashke/case"
import type { Schemas } from "@bashke/client"
import { Either, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { useCaseCommand } from "../../CaseCommand"
import { FormError, fromDecode } from "../../FieldProblem"
import { Select } from "../../Fields"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { Stale } from "../../Stale"
import { type MessageKey, useText } from "../../Text"

const TeamBody = CaseCommands.ChangeTeam.pipe(Schema.omit("caseId", "expectedVersion"))
const checkTeam = Schema.decodeUnknownEither(TeamBody)

export const CaseTeamSection = ({ data }: { readonly data: Schemas["Case"] }) => {
  const text = useText()
  const { t, label, locale } = text
  const institutions = useInstitutions()
  const names = namesOf(institutions.data)
  const [institution, setInstitution] = useState("")
  const [access, setAccess] = useState("full")
  const change = useCaseCommand(data.id, data.version, (api, path, header, body) =>
    api.PUT("/v1/cases/{caseId}/team", { params: { path, header }, body: body as never }),
  )
  const send = (body: object) => {
    const checked = checkTeam(body)
    if (Either.isLeft(checked)) return change.setProblem(fromDecode(checked.left, text))
    change.run(body)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    send({ set: [{ institution, access }] })
  }
  const members = new Set(data.team.members.map((member) => member.institution))
  return (
    <section aria-labelledby="team">
      <h2 id="team">{t("web.case.team")}</h2>
      {change.stale && <Stale reload={change.reload} />}
      <FormError problem={change.problem} shown={(field) => field === "set"} />
      <ul className="plain">
        {data.team.members.map((member) => (
          <li key={member.institution}>
            <span translate="no">{nameOf(names, member.institution, locale)}</span>
            {" · "}
            {t(`sector.${member.sector}` as MessageKey)}
            {member.institution === data.team.lead && ` (${t("web.case.team.lead")})`}
            {" · "}
            {label(`case.team.access.${member.access}`)}
            {member.institution !== data.team.lead && (
              <span className="actions">
                {member.access === "full" && (
                  <button
                    type="button"
                    className="button secondary"
                    disabled={change.pending}
                    onClick={() => send({ lead: member.institution })}
                  >
                    {t("web.case.team.make-lead")}
                  </button>
                )}
                <button
                  type="button"
                  className="button secondary"
                  disabled={change.pending}
                  onClick={() => send({ remove: [member.institution] })}
                >
                  {t("web.case.team.remove")}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t("web.case.team.add")}</summary>
        <form onSubmit={submit} noValidate aria-label={t("web.case.team.add")}>
          <Select
            scope="team"
            field="set"
            label={t("web.case.team.institution")}
            value={institution}
            empty={t("web.open-case.choose")}
            options={(institutions.data ?? [])
              .filter((each) => !members.has(each.id))
              .map((each) => [each.id, nameOf(names, each.id, locale)] as const)}
            onChange={setInstitution}
            problem={change.problem}
          />
          <Select
            scope="team"
            field="access"
            label={t("web.case.team.access")}
            value={access}
            options={(["full", "summary"] as const).map((code) => [code, label(`case.team.access.${code}`)] as const)}
            onChange={setAccess}
            problem={change.problem}
          />
          <button type="submit" className="button primary" disabled={change.pending}>
            {t("web.case.edit.save")}
          </button>
        </form>
      </details>
    </section>
  )
}
