/**
 * A case's safety plan: its measures, who owns each and when it is reviewed,
 * each one's status changed in place; and adding a measure (owned by a team
 * institution), checked with the API's schema.
 */
import { CaseCommands, SafetyPlan } from "@bashke/case"
import type { Schemas } from "@bashke/client"
import { Either, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { useCaseCommand } from "../../CaseCommand"
import { FormError, fromDecode } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { Stale } from "../../Stale"
import { useText } from "../../Text"

const MeasureBody = CaseCommands.AddMeasure.pipe(Schema.omit("caseId", "expectedVersion"))
const checkMeasure = Schema.decodeUnknownEither(MeasureBody)

export const CaseSafetyPlan = ({ data }: { readonly data: Schemas["Case"] }) => {
  const text = useText()
  const { t, label, locale, date } = text
  const names = namesOf(useInstitutions().data)
  const [kind, setKind] = useState("")
  const [owner, setOwner] = useState(data.team.lead)
  const [reviewOn, setReviewOn] = useState("")
  const add = useCaseCommand(data.id, data.version, (api, path, header, body) =>
    api.POST("/v1/cases/{caseId}/safety-plan/measures", { params: { path, header }, body: body as never }),
  )
  const update = useCaseCommand(
    data.id,
    data.version,
    (api, path, header, { measureId, status }: { measureId: string; status: string }) =>
      api.PATCH("/v1/cases/{caseId}/safety-plan/measures/{measureId}", {
        params: { path: { ...path, measureId }, header },
        body: { status } as never,
      }),
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = { kind, owner, reviewOn }
    const checked = checkMeasure(body)
    if (Either.isLeft(checked)) return add.setProblem(fromDecode(checked.left, text))
    add.run(body)
  }
  const measures = data.safetyPlan.measures
  return (
    <section aria-labelledby="safety-plan" className="card">
      <h2 id="safety-plan">{t("web.case.safety")}</h2>
      {update.stale && <Stale reload={update.reload} />}
      <FormError problem={update.problem} shown={() => false} />
      {measures.length === 0 ? (
        <p>{t("web.case.safety.none")}</p>
      ) : (
        <ul className="worklist">
          {measures.map((measure) => (
            <li key={measure.id} className="item">
              <span>
                <strong>{label(`case.safety.measure.${measure.kind}`)}</strong> ·{" "}
                <span translate="no">{nameOf(names, measure.owner, locale)}</span>
              </span>
              <span className="meta">
                {t("web.case.safety.review", { date: date(`${measure.reviewOn}T12:00:00Z`) })}
                <label className="inline">
                  <span className="visually-hidden">{t("web.case.safety.status")}</span>
                  <select
                    value={measure.status}
                    disabled={update.pending}
                    onChange={(event) => update.run({ measureId: measure.id, status: event.currentTarget.value })}
                  >
                    {SafetyPlan.MeasureStatus.literals.map((status) => (
                      <option key={status} value={status}>
                        {label(`case.safety.status.${status}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </span>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t("web.case.safety.add")}</summary>
        <form onSubmit={submit} noValidate aria-label={t("web.case.safety.add")}>
          {add.stale && <Stale reload={add.reload} />}
          <FormError problem={add.problem} shown={(field) => ["kind", "owner", "reviewOn"].includes(field)} />
          <Select
            scope="measure"
            field="kind"
            label={t("web.case.safety.kind")}
            value={kind}
            empty={t("web.open-case.choose")}
            options={SafetyPlan.MeasureKind.literals.map(
              (code) => [code, label(`case.safety.measure.${code}`)] as const,
            )}
            onChange={setKind}
            problem={add.problem}
          />
          <Select
            scope="measure"
            field="owner"
            label={t("web.case.safety.owner")}
            value={owner}
            options={data.team.members.map(
              (member) => [member.institution, nameOf(names, member.institution, locale)] as const,
            )}
            onChange={setOwner}
            problem={add.problem}
          />
          <TextInput
            scope="measure"
            field="reviewOn"
            type="date"
            label={t("web.case.safety.review-on")}
            value={reviewOn}
            onChange={setReviewOn}
            problem={add.problem}
          />
          <button type="submit" className="button primary" disabled={add.pending}>
            {t("web.case.edit.save")}
          </button>
        </form>
      </details>
    </section>
  )
}
