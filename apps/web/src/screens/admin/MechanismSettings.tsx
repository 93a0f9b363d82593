/**
 * The mechanism's settings: its status and coordinator, and the two rules a
 * coordinator or an administrator changes — how many regular meetings a year
 * at least (never fewer than the jurisdiction's minimum) and the quorum. Sent
 * with the version read (`If-Match`); the API's refusal shows by its field.
 */
import type { Schemas } from "@bashke/client"
import { type FormEvent, useState } from "react"
import { ifMatch } from "../../CaseCommand"
import { FormError } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { nameOf } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { type MessageKey, useText } from "../../Text"
import { useAdminCommand } from "./AdminCommand"
import { AdminFrame } from "./AdminFrame"
import { mechanismKey, useMechanism, useMechanismId, useMemberships } from "./AdminQueries"

const quorums = ["more-than-half", "two-thirds", "all"] as const

const SettingsForm = ({ mechanism }: { readonly mechanism: Schemas["Mechanism"] }) => {
  const { t } = useText()
  const api = useApi()
  const [cadence, setCadence] = useState(String(mechanism.minimumMeetingsPerYear))
  const [quorum, setQuorum] = useState<string>(mechanism.quorum)
  const save = useAdminCommand(
    async (body: { minimumMeetingsPerYear: number; quorum: string }) =>
      (
        await api.PATCH("/v1/mechanisms/{mechanismId}", {
          params: { path: { mechanismId: mechanism.id }, header: { "If-Match": ifMatch(mechanism.version) } },
          body: body as never,
        })
      ).data,
    { refresh: [mechanismKey(mechanism.id), ["mechanisms"]] },
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.run({ minimumMeetingsPerYear: cadence.trim() === "" ? Number.NaN : Number(cadence), quorum })
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t("web.admin.mechanism.rules")} className="card">
      <h2>{t("web.admin.mechanism.rules")}</h2>
      {save.stale && <Stale reload={save.reload} />}
      <FormError problem={save.problem} shown={(field) => ["minimumMeetingsPerYear", "quorum"].includes(field)} />
      <TextInput
        field="minimumMeetingsPerYear"
        type="number"
        label={t("web.admin.mechanism.cadence")}
        value={cadence}
        onChange={setCadence}
        problem={save.problem}
      />
      <Select
        field="quorum"
        label={t("web.admin.mechanism.quorum")}
        value={quorum}
        options={quorums.map((code) => [code, t(`web.admin.quorum.${code}` as MessageKey)] as const)}
        onChange={setQuorum}
        problem={save.problem}
      />
      {save.succeeded && save.problem === undefined && <p role="status">{t("web.admin.saved")}</p>}
      <button type="submit" className="button primary" disabled={save.pending}>
        {t("web.admin.save")}
      </button>
    </form>
  )
}

export const MechanismSettings = () => {
  const { t, locale, date } = useText()
  const mechanismId = useMechanismId()
  const mechanism = useMechanism(mechanismId)
  const memberships = useMemberships(mechanismId)
  return (
    <AdminFrame title="web.admin.mechanism.title">
      <Loaded query={mechanism}>
        {(found) => {
          const coordinator = memberships.data?.items.find((member) => member.id === found.coordinator)
          return (
            <>
              <dl className="facts">
                <dt>{t("web.admin.mechanism.name")}</dt>
                <dd>{found.name[locale] ?? found.name.sq}</dd>
                <dt>{t("web.admin.mechanism.status")}</dt>
                <dd>{t(`web.admin.mechanism.status.${found.status}` as MessageKey)}</dd>
                <dt>{t("web.admin.mechanism.coordinator")}</dt>
                <dd>
                  {coordinator === undefined
                    ? t("web.admin.none")
                    : nameOf(coordinator.institutionNames, coordinator.institutionId, locale)}
                </dd>
                <dt>{t("web.admin.mechanism.since")}</dt>
                <dd>{date(found.createdAt)}</dd>
              </dl>
              <SettingsForm mechanism={found} />
            </>
          )
        }}
      </Loaded>
    </AdminFrame>
  )
}
