/**
 * The way from a case's page to its records in words and files: its notes,
 * its documents, the survivor's voice — each a page of its own, loaded when
 * opened.
 */
import { Link } from "@tanstack/react-router"
import { addMessages, useText } from "../../Text"
import { webCaseNotesMessages } from "../../WebCaseNotesMessages"

addMessages(webCaseNotesMessages)

export const CaseRecordsLinks = ({ caseId }: { readonly caseId: string }) => {
  const { t } = useText()
  return (
    <nav aria-labelledby="records" className="card">
      <h2 id="records">{t("web.records.title")}</h2>
      <ul className="plain">
        <li>
          <Link to="/cases/$caseId/notes" params={{ caseId }}>
            {t("web.notes.title")}
          </Link>
        </li>
        <li>
          <Link to="/cases/$caseId/documents" params={{ caseId }}>
            {t("web.documents.title")}
          </Link>
        </li>
        <li>
          <Link to="/cases/$caseId/survivor" params={{ caseId }}>
            {t("web.survivor.title")}
          </Link>
        </li>
      </ul>
    </nav>
  )
}
