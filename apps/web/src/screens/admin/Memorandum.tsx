/**
 * The memorandum of understanding: every published version with the sectors
 * it expects and its signatures — each member institution by name, the day it
 * signed, and the countersignature that makes it a signatory (a coordinator or
 * an administrator gives it here; until then the signature opens no case
 * data) — and the composition gaps: the expected sectors no signatory covers
 * today. A new version is published from the signed document's file (only
 * its SHA-256 goes to the API). A member's signature is recorded here too (the signer's name is
 * sealed by the API and never listed). Every change carries the mechanism's
 * version (`If-Match`).
 */
import type { Schemas } from "@bashke/client"
import { Sector } from "@bashke/kernel"
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { ifMatch } from "../../CaseCommand"
import { FieldError, FormError, inputId, invalidProps } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { nameOf } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { type MessageKey, useText } from "../../Text"
import { useAdminCommand } from "./AdminCommand"
import { AdminFrame } from "./AdminFrame"
import { mechanismKey, useMechanism, useMechanismId, useMemberships } from "./AdminQueries"

const sectorKey = (sector: string) => `sector.${sector}` as MessageKey
const memorandaKey = (mechanismId: string) => ["admin", "memoranda", mechanismId] as const
const compositionKey = (mechanismId: string) => ["admin", "composition", mechanismId] as const

const refreshOf = (mechanismId: string) => [
  memorandaKey(mechanismId),
  compositionKey(mechanismId),
  mechanismKey(mechanismId),
]

const Countersign = ({
  mechanism,
  memorandum,
  signature,
  name,
}: {
  readonly mechanism: Schemas["Mechanism"]
  readonly memorandum: Schemas["NamedMemorandumVersion"]
  readonly signature: Schemas["MemorandumSignature"]
  readonly name: string
}) => {
  const { t } = useText()
  const api = useApi()
  const countersign = useAdminCommand(
    async () =>
      (
        await api.POST(
          "/v1/mechanisms/{mechanismId}/memoranda/{memorandumId}/versions/{version}/signatures/{institutionId}/countersignature",
          {
            params: {
              path: {
                mechanismId: mechanism.id,
                memorandumId: memorandum.memorandumId,
                version: String(memorandum.version),
                institutionId: signature.institutionId,
              },
              header: { "If-Match": ifMatch(mechanism.version) },
            },
            body: {} as never,
          },
        )
      ).data,
    { refresh: refreshOf(mechanism.id) },
  )
  return (
    <>
      {countersign.stale && <Stale reload={countersign.reload} />}
      <FormError problem={countersign.problem} shown={() => false} />
      <button
        type="button"
        className="button primary"
        disabled={countersign.pending}
        aria-label={t("web.admin.memorandum.countersign-for", { institution: name })}
        onClick={() => countersign.run(undefined)}
      >
        {t("web.admin.memorandum.countersign")}
      </button>
    </>
  )
}

const RecordSignature = ({
  mechanism,
  memorandum,
}: {
  readonly mechanism: Schemas["Mechanism"]
  readonly memorandum: Schemas["NamedMemorandumVersion"]
}) => {
  const { t, locale } = useText()
  const api = useApi()
  const memberships = useMemberships(mechanism.id)
  const [institutionId, setInstitutionId] = useState("")
  const [signer, setSigner] = useState("")
  const signed = new Set(memorandum.signatures.map((signature) => signature.institutionId))
  const record = useAdminCommand(
    async (body: { institutionId: string; signer: string }) =>
      (
        await api.POST("/v1/mechanisms/{mechanismId}/memoranda/{memorandumId}/versions/{version}/signatures", {
          params: {
            path: {
              mechanismId: mechanism.id,
              memorandumId: memorandum.memorandumId,
              version: String(memorandum.version),
            },
            header: { "If-Match": ifMatch(mechanism.version) },
          },
          body: body as never,
        })
      ).data,
    {
      refresh: refreshOf(mechanism.id),
      done: () => {
        setInstitutionId("")
        setSigner("")
      },
    },
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    record.run({ institutionId, signer })
  }
  const scope = `sign-${memorandum.version}`
  return (
    <details>
      <summary>{t("web.admin.memorandum.record")}</summary>
      <form onSubmit={submit} noValidate aria-label={t("web.admin.memorandum.record")}>
        {record.stale && <Stale reload={record.reload} />}
        <FormError problem={record.problem} shown={(field) => ["institutionId", "signer"].includes(field)} />
        <Select
          scope={scope}
          field="institutionId"
          label={t("web.admin.institution")}
          value={institutionId}
          empty={t("web.admin.choose")}
          options={(memberships.data?.items ?? [])
            .filter((member) => member.leftOn === undefined && !signed.has(member.institutionId))
            .map(
              (member) =>
                [member.institutionId, nameOf(member.institutionNames, member.institutionId, locale)] as const,
            )}
          onChange={setInstitutionId}
          problem={record.problem}
        />
        <TextInput
          scope={scope}
          field="signer"
          label={t("web.admin.memorandum.signer")}
          value={signer}
          onChange={setSigner}
          problem={record.problem}
        />
        <button type="submit" className="button primary" disabled={record.pending}>
          {t("web.admin.memorandum.record")}
        </button>
      </form>
    </details>
  )
}

/** The SHA-256 of a file, in hex: what the API records of the signed document (the file stays here). */
const sha256 = async (file: File): Promise<string> =>
  Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", await file.arrayBuffer())), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("")

const PublishVersion = ({
  mechanism,
  latest,
}: {
  readonly mechanism: Schemas["Mechanism"]
  readonly latest: Schemas["NamedMemorandumVersion"] | undefined
}) => {
  const { t } = useText()
  const api = useApi()
  const [effectiveFrom, setEffectiveFrom] = useState("")
  const [documentHash, setDocumentHash] = useState("")
  const [sectors, setSectors] = useState<ReadonlyArray<string>>(latest?.expectedSectors ?? [])
  const publish = useAdminCommand(
    async (body: object) =>
      (
        await api.POST("/v1/mechanisms/{mechanismId}/memoranda", {
          params: { path: { mechanismId: mechanism.id }, header: { "If-Match": ifMatch(mechanism.version) } },
          body: body as never,
        })
      ).data,
    { refresh: refreshOf(mechanism.id) },
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    publish.run({ effectiveFrom, documentHash, expectedSectors: sectors })
  }
  return (
    <details>
      <summary>{t("web.admin.memorandum.publish")}</summary>
      <form onSubmit={submit} noValidate aria-label={t("web.admin.memorandum.publish")}>
        {publish.stale && <Stale reload={publish.reload} />}
        <FormError
          problem={publish.problem}
          shown={(field) => ["effectiveFrom", "documentHash", "expectedSectors"].some((name) => field.startsWith(name))}
        />
        <TextInput
          scope="publish"
          field="effectiveFrom"
          type="date"
          label={t("web.admin.memorandum.effective-from")}
          value={effectiveFrom}
          onChange={setEffectiveFrom}
          problem={publish.problem}
        />
        <div className="field">
          <label htmlFor={inputId("documentHash", "publish")}>{t("web.admin.memorandum.document")}</label>
          <input
            id={inputId("documentHash", "publish")}
            type="file"
            {...invalidProps(publish.problem, "documentHash", "publish-document-hint", "publish")}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0]
              if (file === undefined) return setDocumentHash("")
              void sha256(file).then(setDocumentHash)
            }}
          />
          <p className="hint" id="publish-document-hint">
            {t("web.admin.memorandum.document.hint")}
          </p>
          {documentHash !== "" && (
            <p className="meta secret" translate="no">
              <code>{documentHash}</code>
            </p>
          )}
          <FieldError problem={publish.problem} field="documentHash" scope="publish" />
        </div>
        <fieldset className="field" {...invalidProps(publish.problem, "expectedSectors", undefined, "publish")}>
          <legend>{t("web.admin.memorandum.expected-sectors")}</legend>
          {Sector.Sector.literals.map((sector) => (
            <label key={sector} className="choice">
              <input
                type="checkbox"
                name="expectedSectors"
                value={sector}
                checked={sectors.includes(sector)}
                onChange={(event) =>
                  setSectors(
                    event.currentTarget.checked ? [...sectors, sector] : sectors.filter((each) => each !== sector),
                  )
                }
              />
              <span>{t(sectorKey(sector))}</span>
            </label>
          ))}
          <FieldError problem={publish.problem} field="expectedSectors" scope="publish" />
        </fieldset>
        <button type="submit" className="button primary" disabled={publish.pending}>
          {t("web.admin.memorandum.publish")}
        </button>
      </form>
    </details>
  )
}

export const MemorandumPage = () => {
  const { t, locale, date } = useText()
  const api = useApi()
  const mechanismId = useMechanismId()
  const mechanism = useMechanism(mechanismId)
  const memoranda = useQuery({
    queryKey: memorandaKey(mechanismId ?? ""),
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/mechanisms/{mechanismId}/memoranda", {
          params: { path: { mechanismId: mechanismId as string }, query: { limit: 100 } },
        })
      ).data,
  })
  const composition = useQuery({
    queryKey: compositionKey(mechanismId ?? ""),
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/mechanisms/{mechanismId}/composition", {
          params: { path: { mechanismId: mechanismId as string } },
        })
      ).data,
  })
  return (
    <AdminFrame title="web.admin.memorandum.title">
      <section aria-labelledby="composition" className="card">
        <h2 id="composition">{t("web.admin.memorandum.composition")}</h2>
        <Loaded query={composition}>
          {(found) =>
            found.gaps.length === 0 ? (
              <p>{t("web.admin.memorandum.no-gaps")}</p>
            ) : (
              <>
                <p>{t("web.admin.memorandum.gaps")}</p>
                <ul className="plain">
                  {found.gaps.map((sector) => (
                    <li key={sector}>{t(sectorKey(sector))}</li>
                  ))}
                </ul>
              </>
            )
          }
        </Loaded>
      </section>
      <Loaded query={mechanism}>
        {(current) => (
          <Loaded query={memoranda}>
            {(page) => (
              <>
                <PublishVersion mechanism={current} latest={[...page.items].sort((a, b) => b.version - a.version)[0]} />
                {page.items.length === 0 ? (
                  <p>{t("web.admin.memorandum.none")}</p>
                ) : (
                  [...page.items]
                    .sort((a, b) => b.version - a.version)
                    .map((memorandum) => (
                      <section
                        key={`${memorandum.memorandumId}-${memorandum.version}`}
                        aria-labelledby={`memorandum-${memorandum.version}`}
                        className="card"
                      >
                        <h2 id={`memorandum-${memorandum.version}`}>
                          {t("web.admin.memorandum.version", {
                            version: String(memorandum.version),
                            day: date(memorandum.effectiveFrom),
                          })}
                        </h2>
                        <p className="meta">
                          {t("web.admin.memorandum.expects", {
                            sectors: memorandum.expectedSectors.map((sector) => t(sectorKey(sector))).join(", "),
                          })}
                        </p>
                        <div className="table-scroll">
                          <table className="table">
                            <caption className="visually-hidden">
                              {t("web.admin.memorandum.signatures", { version: memorandum.version })}
                            </caption>
                            <thead>
                              <tr>
                                <th scope="col">{t("web.admin.institution")}</th>
                                <th scope="col">{t("web.admin.memorandum.signed-on")}</th>
                                <th scope="col">{t("web.admin.memorandum.countersigned")}</th>
                              </tr>
                            </thead>
                            <tbody>
                              {memorandum.signatures.map((signature) => {
                                const name = nameOf(memorandum.institutionNames, signature.institutionId, locale)
                                return (
                                  <tr key={signature.institutionId}>
                                    <th scope="row">{name}</th>
                                    <td>{date(signature.signedOn)}</td>
                                    <td>
                                      {signature.countersignature === undefined ? (
                                        <Countersign
                                          mechanism={current}
                                          memorandum={memorandum}
                                          signature={signature}
                                          name={name}
                                        />
                                      ) : (
                                        date(signature.countersignature.countersignedOn)
                                      )}
                                    </td>
                                  </tr>
                                )
                              })}
                            </tbody>
                          </table>
                        </div>
                        <RecordSignature mechanism={current} memorandum={memorandum} />
                      </section>
                    ))
                )}
              </>
            )}
          </Loaded>
        )}
      </Loaded>
    </AdminFrame>
  )
}
