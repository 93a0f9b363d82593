/**
 * The case page's way to correcting its records, a page of its own (anyone
 * who may write the case; the API decides). Moving a case is the
 * coordinator's, from the mechanism's transfers (`/transfers`).
 */
import type { Schemas } from "@bashke/client"
import { Link } from "@tanstack/react-router"
import { addMessages, useText } from "../../Text"
import { webCorrectionsMessages } from "../../WebCorrectionsMessages"

addMessages(webCorrectionsMessages)

export const CaseMoves = ({ data }: { readonly data: Schemas["Case"] }) => {
  const { t } = useText()
  if (data.status === "closed" || data.erasedAt !== undefined) return null
  return (
    <p className="actions">
      <Link className="button" to="/cases/$caseId/corrections" params={{ caseId: data.id }}>
        {t("web.corrections.link")}
      </Link>
    </p>
  )
}
