/**
 * The case list's ways to the mechanism's other registers: its closed cases
 * (everyone who lists cases), and the transfers waiting to or from it (its
 * coordinator, who proposes and accepts them).
 */
import { Link } from "@tanstack/react-router"
import { useSession } from "../../Session"
import { addMessages, useText } from "../../Text"
import { webCorrectionsMessages } from "../../WebCorrectionsMessages"

addMessages(webCorrectionsMessages)

export const CaseRegisters = () => {
  const { t } = useText()
  const coordinator = useSession().me?.roles.includes("coordinator") ?? false
  return (
    <p className="actions">
      <Link to="/cases/closed">{t("web.closed.link")}</Link>
      {coordinator && <Link to="/transfers">{t("web.transfers.link")}</Link>}
    </p>
  )
}
