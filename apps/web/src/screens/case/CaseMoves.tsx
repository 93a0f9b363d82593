/**
 * The case page's ways to the changes that have pages of their own:
 * correcting a record (anyone who may write the case; the API decides), and
 * moving the case to another mechanism (its coordinator only).
 */
import type { Schemas } from "@bashke/client"
import { Link } from "@tanstack/react-router"
import { useSession } from "../../Session"
import { addMessages, useText } from "../../Text"
import { webCorrectionsMessages } from "../../WebCorrectionsMessages"

addMessages(webCorrectionsMessages)

export const CaseMoves = ({ data }: { readonly data: Schemas["Case"] }) => {
  const { t } = useText()
  const coordinator = useSession().me?.roles.includes("coordinator") ?? false
  if (data.status === "closed" || data.erasedAt !== undefined) return null
  return (
    <p className="actions">
      <Link className="button" to="/cases/$caseId/corrections" params={{ caseId: data.id }}>
        {t("web.corrections.link")}
      </Link>
      {coordinator && (
        <Link className="button" to="/cases/$caseId/transfer" params={{ caseId: data.id }}>
          {t("web.transfer.link")}
        </Link>
      )}
    </p>
  )
}
