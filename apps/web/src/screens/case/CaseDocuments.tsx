/**
 * A case's documents: listed only once the reader says why (a personal read
 * for a stated purpose, every document listed audited), each with what it is,
 * what it is about, its size, who uploaded it and when; downloaded through a
 * plain link that streams the content with the session cookie (the URL holds
 * ids and the purpose, never a name); withdrawn by the uploader's institution
 * after a confirmation. Uploading is `DocumentUpload`. Names stay on screen:
 * never in a URL, the title or the browser's storage, and out of memory once
 * the page is left.
 */

import type { Schemas } from "@bashke/client"
import { useParams } from "@tanstack/react-router"
import { useEffect, useId, useRef, useState } from "react"
import { FormError } from "../../FieldProblem"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useApi, useSession } from "../../Session"
import { useText } from "../../Text"
import { useAdminCommand } from "../admin/AdminCommand"
import { type CaseData, CaseRecordsPage } from "./CaseRecordsPage"
import { attachmentsOf, attachmentValue } from "./DocumentAttachment"
import { DocumentUpload } from "./DocumentUpload"
import { type CasePurpose, PurposeChoice } from "./PurposeChoice"
import { itemsOf, More, useRecordPages } from "./RecordPages"

type CaseDocument = Schemas["Document"]

const documentsKey = (caseId: string) => ["case-documents", caseId]

/** The content's address: ids and the purpose, which the API audits the download under. */
const contentUrl = (document: CaseDocument, purpose: CasePurpose) =>
  `/v1/cases/${encodeURIComponent(document.caseId)}/documents/${encodeURIComponent(document.id)}/content?purpose=${purpose}`

const Withdrawal = ({ document, withdrawn }: { readonly document: CaseDocument; readonly withdrawn: () => void }) => {
  const { t } = useText()
  const api = useApi()
  const [asking, setAsking] = useState(false)
  const confirm = useRef<HTMLButtonElement>(null)
  const withdraw = useAdminCommand(
    async () =>
      (
        await api.POST("/v1/cases/{caseId}/documents/{documentId}/withdrawal", {
          params: { path: { caseId: document.caseId, documentId: document.id } },
        })
      ).data,
    { refresh: [documentsKey(document.caseId)], done: withdrawn },
  )
  useEffect(() => {
    if (asking) confirm.current?.focus()
  }, [asking])
  if (!asking)
    return (
      <button type="button" className="button secondary" onClick={() => setAsking(true)}>
        {t("web.documents.withdraw")}
      </button>
    )
  return (
    <fieldset className="problem">
      <legend>{t("web.documents.withdraw.confirm")}</legend>
      <FormError problem={withdraw.problem} shown={() => false} />
      <span className="actions">
        <button
          ref={confirm}
          type="button"
          className="button primary"
          disabled={withdraw.pending}
          onClick={() => withdraw.run(undefined)}
        >
          {t("web.documents.withdraw.yes")}
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)}>
          {t("web.documents.withdraw.no")}
        </button>
      </span>
    </fieldset>
  )
}

const DocumentItem = ({
  data,
  document,
  purpose,
  withdrawn,
}: {
  readonly data: CaseData
  readonly document: CaseDocument
  readonly purpose: CasePurpose
  readonly withdrawn: () => void
}) => {
  const text = useText()
  const { t, label, date, locale, kilobytes } = text
  const names = namesOf(useInstitutions().data)
  const own = useSession().me?.institution === document.institution
  const nameId = useId()
  const about = attachmentsOf(data, text).find(([value]) => value === attachmentValue(document.attachedTo))?.[1] ?? ""
  const size = kilobytes(Math.max(1, Math.round(document.size / 1024)))
  return (
    <li className="item" data-testid="document">
      <span>
        <strong id={nameId} translate="no" data-testid="document-name">
          {document.name}
        </strong>{" "}
        <span className="tag">{label(`case.document.kind.${document.kind}`)}</span>
      </span>
      <span className="meta">
        {about} · {size} · <span translate="no">{nameOf(names, document.institution, locale)}</span> ·{" "}
        {date(document.uploadedAt)}
      </span>
      {document.withdrawnAt !== undefined ? (
        <span className="tag warning">{t("web.documents.withdrawn", { date: date(document.withdrawnAt) })}</span>
      ) : (
        <span className="actions">
          <a className="button secondary" href={contentUrl(document, purpose)} download aria-describedby={nameId}>
            {t("web.documents.download")}
          </a>
          {own && <Withdrawal document={document} withdrawn={withdrawn} />}
        </span>
      )}
    </li>
  )
}

const DocumentList = ({ data, purpose }: { readonly data: CaseData; readonly purpose: CasePurpose }) => {
  const { t } = useText()
  // A withdrawn document leaves the list: said where the list is.
  const [withdrawn, setWithdrawn] = useState(false)
  const api = useApi()
  const documents = useRecordPages(
    [...documentsKey(data.id), purpose],
    async (after) =>
      (
        await api.GET("/v1/cases/{caseId}/documents", {
          params: { path: { caseId: data.id }, query: { purpose, limit: 50, ...after } },
        })
      ).data,
  )
  return (
    <>
      {withdrawn && <p role="status">{t("web.documents.withdrawn-now")}</p>}
      <Loaded query={documents}>
        {(pages) =>
          itemsOf(pages).length === 0 ? (
            <p>{t("web.documents.none")}</p>
          ) : (
            <ul className="worklist">
              {itemsOf(pages).map((document) => (
                <DocumentItem
                  key={document.id}
                  data={data}
                  document={document}
                  purpose={purpose}
                  withdrawn={() => setWithdrawn(true)}
                />
              ))}
            </ul>
          )
        }
      </Loaded>
      <More query={documents} />
    </>
  )
}

const CaseDocuments = ({ caseId }: { readonly caseId: string }) => {
  const { t } = useText()
  const [purpose, setPurpose] = useState<CasePurpose | undefined>(undefined)
  return (
    <CaseRecordsPage caseId={caseId} title="web.documents.title">
      {(data) => (
        <>
          <section aria-labelledby="documents" className="card">
            <h2 id="documents">{t("web.documents.title")}</h2>
            {purpose === undefined ? (
              <PurposeChoice confirm={t("web.documents.show")} hint={t("web.documents.hint")} onChoose={setPurpose} />
            ) : (
              <DocumentList data={data} purpose={purpose} />
            )}
          </section>
          <DocumentUpload data={data} />
        </>
      )}
    </CaseRecordsPage>
  )
}

/** The page at `/cases/$caseId/documents`: its case from the path, its state kept per case. */
export const CaseDocumentsPage = () => {
  const { caseId } = useParams({ from: "/cases/$caseId/documents" })
  return <CaseDocuments key={caseId} caseId={caseId} />
}
