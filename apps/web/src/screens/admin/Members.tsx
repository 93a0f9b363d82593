/**
 * The mechanism's members: each institution by name, its sector, since when
 * (and until when), and which one coordinates; its representative and deputy
 * shown only when asked (a read the API audits) and hidden again; a member
 * added with its representative's contacts, or its membership ended. Every
 * change carries the mechanism's version (`If-Match`).
 */
import type { Schemas } from "@bashke/client"
import { Sector } from "@bashke/kernel"
import { useMutation } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { ifMatch } from "../../CaseCommand"
import { FormError } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { type MessageKey, useText } from "../../Text"
import { useAdminCommand } from "./AdminCommand"
import { AdminFrame } from "./AdminFrame"
import { mechanismKey, membershipsKey, useMechanism, useMechanismId, useMemberships } from "./AdminQueries"

const sectorKey = (sector: string) => `sector.${sector}` as MessageKey

const contactText = (contact: { readonly name: string; readonly phone?: string; readonly email?: string }) =>
  [contact.name, contact.phone, contact.email].filter(Boolean).join(" · ")

/** The representative and deputy of one membership, read on request and forgotten when hidden. */
const Representative = ({ membership }: { readonly membership: Schemas["NamedMembership"] }) => {
  const { t } = useText()
  const api = useApi()
  const read = useMutation({
    mutationFn: async () =>
      (
        await api.POST("/v1/mechanisms/{mechanismId}/memberships/{membershipId}/contacts/read", {
          params: { path: { mechanismId: membership.mechanismId, membershipId: membership.id } },
        })
      ).data,
  })
  if (read.data === undefined)
    return (
      <button type="button" className="button secondary" disabled={read.isPending} onClick={() => read.mutate()}>
        {t("web.admin.members.show-representative")}
      </button>
    )
  const contacts = read.data
  return (
    <div>
      <dl className="facts">
        <dt>{t("web.admin.members.representative")}</dt>
        <dd translate="no">{contactText(contacts.representative)}</dd>
        {contacts.deputy !== undefined && (
          <>
            <dt>{t("web.admin.members.deputy")}</dt>
            <dd translate="no">{contactText(contacts.deputy)}</dd>
          </>
        )}
      </dl>
      <button type="button" className="button secondary" onClick={() => read.reset()}>
        {t("web.admin.members.hide-representative")}
      </button>
    </div>
  )
}

const AddMember = ({
  mechanism,
  members,
}: {
  readonly mechanism: Schemas["Mechanism"]
  readonly members: ReadonlySet<string>
}) => {
  const { t, locale } = useText()
  const api = useApi()
  const institutions = useInstitutions()
  const names = namesOf(institutions.data)
  const [institutionId, setInstitutionId] = useState("")
  const [sector, setSector] = useState("")
  const [name, setName] = useState("")
  const [phone, setPhone] = useState("")
  const [email, setEmail] = useState("")
  const add = useAdminCommand(
    async (body: object) =>
      (
        await api.POST("/v1/mechanisms/{mechanismId}/memberships", {
          params: { path: { mechanismId: mechanism.id }, header: { "If-Match": ifMatch(mechanism.version) } },
          body: body as never,
        })
      ).data,
    {
      refresh: [membershipsKey(mechanism.id), mechanismKey(mechanism.id)],
      done: () => {
        setInstitutionId("")
        setName("")
        setPhone("")
        setEmail("")
      },
    },
  )
  const choose = (id: string) => {
    setInstitutionId(id)
    const registered = institutions.data?.find((each) => each.id === id)
    if (registered !== undefined) setSector(registered.sector)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    add.run({
      institutionId,
      sector,
      contacts: {
        representative: {
          name,
          ...(phone.trim() === "" ? {} : { phone }),
          ...(email.trim() === "" ? {} : { email }),
        },
      },
    })
  }
  const fields = [
    "institutionId",
    "sector",
    "contacts.representative.name",
    "contacts.representative.phone",
    "contacts.representative.email",
  ]
  return (
    <details>
      <summary>{t("web.admin.members.add")}</summary>
      <form onSubmit={submit} noValidate aria-label={t("web.admin.members.add")}>
        {add.stale && <Stale reload={add.reload} />}
        <FormError problem={add.problem} shown={(field) => fields.includes(field)} />
        <Select
          field="institutionId"
          label={t("web.admin.institution")}
          value={institutionId}
          empty={t("web.admin.choose")}
          options={(institutions.data ?? [])
            .filter((each) => !members.has(each.id))
            .map((each) => [each.id, nameOf(names, each.id, locale)] as const)}
          onChange={choose}
          problem={add.problem}
        />
        <Select
          field="sector"
          label={t("web.admin.sector")}
          value={sector}
          empty={t("web.admin.choose")}
          options={Sector.Sector.literals.map((code) => [code, t(sectorKey(code))] as const)}
          onChange={setSector}
          problem={add.problem}
        />
        <TextInput
          field="contacts.representative.name"
          label={t("web.admin.members.representative.name")}
          value={name}
          onChange={setName}
          problem={add.problem}
        />
        <TextInput
          field="contacts.representative.phone"
          type="tel"
          label={t("web.admin.members.representative.phone")}
          value={phone}
          onChange={setPhone}
          problem={add.problem}
        />
        <TextInput
          field="contacts.representative.email"
          type="email"
          label={t("web.admin.members.representative.email")}
          value={email}
          onChange={setEmail}
          problem={add.problem}
        />
        <button type="submit" className="button primary" disabled={add.pending}>
          {t("web.admin.members.add")}
        </button>
      </form>
    </details>
  )
}

const EndMembership = ({
  mechanism,
  membership,
}: {
  readonly mechanism: Schemas["Mechanism"]
  readonly membership: Schemas["NamedMembership"]
}) => {
  const { t } = useText()
  const api = useApi()
  const end = useAdminCommand(
    async () =>
      (
        await api.POST("/v1/mechanisms/{mechanismId}/memberships/{membershipId}/removal", {
          params: {
            path: { mechanismId: mechanism.id, membershipId: membership.id },
            header: { "If-Match": ifMatch(mechanism.version) },
          },
          body: {} as never,
        })
      ).data,
    { refresh: [membershipsKey(mechanism.id), mechanismKey(mechanism.id)] },
  )
  return (
    <>
      {end.stale && <Stale reload={end.reload} />}
      <FormError problem={end.problem} shown={() => false} />
      <button type="button" className="button secondary" disabled={end.pending} onClick={() => end.run(undefined)}>
        {t("web.admin.members.end")}
      </button>
    </>
  )
}

export const Members = () => {
  const { t, locale, date } = useText()
  const mechanismId = useMechanismId()
  const mechanism = useMechanism(mechanismId)
  const memberships = useMemberships(mechanismId)
  return (
    <AdminFrame title="web.admin.members.title">
      <Loaded query={mechanism}>
        {(found) => (
          <Loaded query={memberships}>
            {(page) => (
              <>
                <ul className="worklist">
                  {page.items.map((membership) => (
                    <li key={membership.id} className="item">
                      <h2 className="item-title">
                        {nameOf(membership.institutionNames, membership.institutionId, locale)}
                        {membership.id === found.coordinator && ` (${t("web.admin.members.coordinator")})`}
                      </h2>
                      <p className="meta">
                        {t(sectorKey(membership.sector))}
                        {" · "}
                        {membership.leftOn === undefined
                          ? t("web.admin.members.since", { day: date(membership.joinedOn) })
                          : t("web.admin.members.between", {
                              from: date(membership.joinedOn),
                              to: date(membership.leftOn),
                            })}
                      </p>
                      {membership.leftOn === undefined && (
                        <div className="actions">
                          <Representative membership={membership} />
                          {membership.id !== found.coordinator && (
                            <EndMembership mechanism={found} membership={membership} />
                          )}
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
                <AddMember
                  mechanism={found}
                  members={
                    new Set(page.items.filter((each) => each.leftOn === undefined).map((each) => each.institutionId))
                  }
                />
              </>
            )}
          </Loaded>
        )}
      </Loaded>
    </AdminFrame>
  )
}
