/**
 * The people of the mechanism (an administrator's list holds everyone): each
 * with their institution by name, their roles and whether they are active; a
 * person's sign-in history shown when asked; their roles replaced (their
 * sessions end and their API tokens are revoked, says the API) or the person
 * deactivated. A new person is invited with the roles they will hold: the
 * invitation's one-time link is shown once, to pass on, and kept nowhere.
 */
import type { Schemas } from "@bashke/client"
import { Locale, Sector } from "@bashke/kernel"
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { ifMatch } from "../../CaseCommand"
import { FieldError, FormError, invalidProps } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { type MessageKey, useText } from "../../Text"
import { useAdminCommand } from "./AdminCommand"
import { AdminFrame, useIsAdministrator } from "./AdminFrame"
import { useMechanismId } from "./AdminQueries"

const mechanismRoles = ["coordinator", "case-worker", "member-representative"] as const
const installationRoles = ["national-coordinator", "administrator", "auditor"] as const
const roleKey = (role: string) => `role.${role}` as MessageKey
const peopleKey = ["admin", "people"] as const

/** The grants of the roles ticked: mechanism roles in the mechanism, the others over the installation. */
const grantsOf = (roles: ReadonlyArray<string>, mechanismId: string | undefined) =>
  roles.map((role) => ({
    role,
    mechanism: (mechanismRoles as ReadonlyArray<string>).includes(role) ? (mechanismId ?? null) : null,
  }))

const RoleChoices = ({
  scope,
  chosen,
  onChange,
  problem,
}: {
  readonly scope: string
  readonly chosen: ReadonlyArray<string>
  readonly onChange: (roles: ReadonlyArray<string>) => void
  readonly problem: ReturnType<typeof useAdminCommand>["problem"]
}) => {
  const { t } = useText()
  const administrator = useIsAdministrator()
  const offered = administrator ? [...mechanismRoles, ...installationRoles] : mechanismRoles
  return (
    <fieldset className="field" {...invalidProps(problem, "grants", undefined, scope)}>
      <legend>{t("web.admin.people.roles")}</legend>
      {offered.map((role) => (
        <label key={role} className="choice">
          <input
            type="checkbox"
            name={`${scope}-roles`}
            value={role}
            checked={chosen.includes(role)}
            onChange={(event) =>
              onChange(event.currentTarget.checked ? [...chosen, role] : chosen.filter((each) => each !== role))
            }
          />
          <span>{t(roleKey(role))}</span>
        </label>
      ))}
      <FieldError problem={problem} field="grants" scope={scope} />
    </fieldset>
  )
}

const SignIns = ({ person }: { readonly person: Schemas["ListedPerson"] }) => {
  const { t, dateTime } = useText()
  const api = useApi()
  const [open, setOpen] = useState(false)
  const history = useQuery({
    queryKey: ["admin", "sign-ins", person.id],
    enabled: open,
    queryFn: async () =>
      (
        await api.GET("/v1/people/{personId}/sign-ins", {
          params: { path: { personId: person.id }, query: { limit: 20 } },
        })
      ).data,
  })
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t("web.admin.people.sign-ins")}</summary>
      {open && (
        <Loaded query={history}>
          {(page) =>
            page.items.length === 0 ? (
              <p>{t("web.admin.people.no-sign-ins")}</p>
            ) : (
              <ul className="plain">
                {page.items.map((record) => (
                  <li key={record.id}>
                    {t("web.admin.people.sign-in", {
                      started: dateTime(record.startedAt),
                      seen: dateTime(record.lastSeenAt),
                    })}
                    {record.endedAt !== null &&
                      ` · ${t("web.admin.people.ended", {
                        at: dateTime(record.endedAt),
                        reason: t(`web.admin.people.end.${record.endReason ?? "expired"}` as MessageKey),
                      })}`}
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      )}
    </details>
  )
}

const PersonActions = ({
  person,
  mechanismId,
}: {
  readonly person: Schemas["ListedPerson"]
  readonly mechanismId: string | undefined
}) => {
  const { t } = useText()
  const api = useApi()
  const [roles, setRoles] = useState<ReadonlyArray<string>>(person.grants.map((grant) => grant.role))
  const change = useAdminCommand(
    async (grants: ReturnType<typeof grantsOf>) =>
      (
        await api.PUT("/v1/people/{personId}/roles", {
          params: { path: { personId: person.id }, header: { "If-Match": ifMatch(person.version) } },
          body: { grants } as never,
        })
      ).data,
    { refresh: [peopleKey] },
  )
  const deactivate = useAdminCommand(
    async () =>
      (await api.POST("/v1/people/{personId}/deactivate", { params: { path: { personId: person.id } } })).data,
    { refresh: [peopleKey] },
  )
  const scope = `person-${person.id}`
  const submit = (event: FormEvent) => {
    event.preventDefault()
    change.run(grantsOf(roles, mechanismId))
  }
  return (
    <>
      <SignIns person={person} />
      {person.active && (
        <>
          <details>
            <summary>{t("web.admin.people.change-roles")}</summary>
            <form onSubmit={submit} noValidate aria-label={t("web.admin.people.change-roles")}>
              {change.stale && <Stale reload={change.reload} />}
              <FormError problem={change.problem} shown={(field) => field === "grants"} />
              <RoleChoices scope={scope} chosen={roles} onChange={setRoles} problem={change.problem} />
              <p className="hint">{t("web.admin.people.change-roles.hint")}</p>
              <button type="submit" className="button primary" disabled={change.pending}>
                {t("web.admin.save")}
              </button>
            </form>
          </details>
          <FormError problem={deactivate.problem} shown={() => false} />
          <button
            type="button"
            className="button secondary"
            disabled={deactivate.pending}
            onClick={() => deactivate.run(undefined)}
          >
            {t("web.admin.people.deactivate")}
          </button>
        </>
      )}
    </>
  )
}

const Invite = ({ mechanismId }: { readonly mechanismId: string | undefined }) => {
  const { t, locale } = useText()
  const api = useApi()
  const institutions = useInstitutions()
  const names = namesOf(institutions.data)
  const [displayName, setDisplayName] = useState("")
  const [email, setEmail] = useState("")
  const [language, setLanguage] = useState<string>(locale)
  const [institution, setInstitution] = useState("")
  const [sector, setSector] = useState("")
  const [roles, setRoles] = useState<ReadonlyArray<string>>([])
  const invite = useAdminCommand(
    async (body: object) => (await api.POST("/v1/invitations", { body: body as never })).data,
    {
      refresh: [peopleKey],
      done: () => {
        setDisplayName("")
        setEmail("")
        setRoles([])
      },
    },
  )
  const choose = (id: string) => {
    setInstitution(id)
    const registered = institutions.data?.find((each) => each.id === id)
    if (registered !== undefined) setSector(registered.sector)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    invite.run({
      displayName,
      email,
      language,
      ...(institution === "" ? {} : { institution }),
      ...(sector === "" ? {} : { sector }),
      grants: grantsOf(roles, mechanismId),
    })
  }
  const link =
    invite.answer === undefined || invite.problem !== undefined
      ? undefined
      : `${globalThis.location.origin}/invitation#token=${invite.answer.token}`
  return (
    <section aria-labelledby="invite" className="card">
      <h2 id="invite">{t("web.admin.people.invite")}</h2>
      {link !== undefined && (
        <div role="status">
          <p>{t("web.admin.people.invited")}</p>
          <p className="secret" translate="no">
            <code>{link}</code>
          </p>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-label={t("web.admin.people.invite")}>
        <FormError
          problem={invite.problem}
          shown={(field) => ["displayName", "email", "language", "institution", "sector", "grants"].includes(field)}
        />
        <TextInput
          scope="invite"
          field="displayName"
          label={t("web.admin.people.name")}
          value={displayName}
          onChange={setDisplayName}
          problem={invite.problem}
        />
        <TextInput
          scope="invite"
          field="email"
          type="email"
          label={t("web.admin.people.email")}
          value={email}
          onChange={setEmail}
          problem={invite.problem}
        />
        <Select
          scope="invite"
          field="language"
          label={t("web.admin.people.language")}
          value={language}
          options={Locale.all.map((code) => [code, t(`locale.${code.toLowerCase()}` as MessageKey)] as const)}
          onChange={setLanguage}
          problem={invite.problem}
        />
        <Select
          scope="invite"
          field="institution"
          label={t("web.admin.institution")}
          value={institution}
          empty={t("web.admin.none")}
          options={(institutions.data ?? []).map((each) => [each.id, nameOf(names, each.id, locale)] as const)}
          onChange={choose}
          problem={invite.problem}
        />
        <Select
          scope="invite"
          field="sector"
          label={t("web.admin.sector")}
          value={sector}
          empty={t("web.admin.none")}
          options={Sector.Sector.literals.map((code) => [code, t(`sector.${code}` as MessageKey)] as const)}
          onChange={setSector}
          problem={invite.problem}
        />
        <RoleChoices scope="invite" chosen={roles} onChange={setRoles} problem={invite.problem} />
        <button type="submit" className="button primary" disabled={invite.pending}>
          {t("web.admin.people.invite")}
        </button>
      </form>
    </section>
  )
}

export const People = () => {
  const { t, locale } = useText()
  const api = useApi()
  const administrator = useIsAdministrator()
  const mechanismId = useMechanismId()
  const institutions = useInstitutions()
  const names = namesOf(institutions.data)
  // An administrator sees everyone (national and installation roles too); a coordinator their mechanism's people.
  const scope = administrator ? undefined : mechanismId
  const people = useQuery({
    queryKey: [...peopleKey, scope],
    enabled: administrator || mechanismId !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/people", {
          params: { query: { limit: 100, ...(scope === undefined ? {} : { mechanismId: scope }) } },
        })
      ).data,
  })
  return (
    <AdminFrame title="web.admin.people.title">
      <Loaded query={people}>
        {(page) => (
          <ul className="worklist">
            {page.items.map((person) => (
              <li key={person.id} className="item">
                <h2 className="item-title" translate="no">
                  {person.displayName}
                </h2>
                <p className="meta">
                  <span translate="no">{person.email}</span>
                  {person.institution !== undefined && ` · ${nameOf(names, person.institution, locale)}`}
                  {" · "}
                  {person.grants.length === 0
                    ? t("web.admin.people.no-roles")
                    : person.grants.map((grant) => t(roleKey(grant.role))).join(", ")}
                  {!person.active && ` · ${t("web.admin.people.deactivated")}`}
                </p>
                <div className="actions">
                  <PersonActions person={person} mechanismId={mechanismId} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      <Invite mechanismId={mechanismId} />
    </AdminFrame>
  )
}
