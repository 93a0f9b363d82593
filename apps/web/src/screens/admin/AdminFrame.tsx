/**
 * The frame of the administration pages: their heading and the list of the
 * others (an administrator sees every page; a coordinator those about their
 * own mechanism). Each page loads when first opened, so none of this is in
 * the first page's script.
 */
import { Link } from "@tanstack/react-router"
import type { ReactNode } from "react"
import { useSession } from "../../Session"
import { addMessages, type MessageKey, usePageTitle, useText } from "../../Text"
import { webAdminMessages } from "../../WebAdminMessages"
import { webCorrectionsMessages } from "../../WebCorrectionsMessages"

addMessages(webAdminMessages)
addMessages(webCorrectionsMessages)

/** The administration pages, each with who may open it. */
export const adminPages = [
  { to: "/admin/mechanism", label: "web.admin.nav.mechanism", administratorOnly: false },
  { to: "/admin/members", label: "web.admin.nav.members", administratorOnly: false },
  { to: "/admin/memorandum", label: "web.admin.nav.memorandum", administratorOnly: false },
  { to: "/admin/institutions", label: "web.admin.nav.institutions", administratorOnly: false },
  { to: "/admin/people", label: "web.admin.nav.people", administratorOnly: false },
  { to: "/admin/tokens", label: "web.admin.nav.tokens", administratorOnly: true },
  { to: "/admin/plugins", label: "web.admin.nav.plugins", administratorOnly: false },
  // Erasure on request starts from the register of closed cases (issue 18).
  { to: "/cases/closed", label: "web.closed.link", administratorOnly: true },
] as const

export type AdminPath = (typeof adminPages)[number]["to"]

/** Whether the signed-in person administers the installation. */
export const useIsAdministrator = (): boolean => useSession().me?.roles.includes("administrator") ?? false

export const AdminFrame = ({ title, children }: { readonly title: MessageKey; readonly children: ReactNode }) => {
  const { t } = useText()
  const administrator = useIsAdministrator()
  usePageTitle(t(title))
  return (
    <>
      <nav aria-label={t("web.admin.nav.label")} className="subnav">
        <ul className="plain inline-list">
          {adminPages
            .filter((page) => administrator || !page.administratorOnly)
            .map((page) => (
              <li key={page.to}>
                <Link to={page.to}>{t(page.label)}</Link>
              </li>
            ))}
        </ul>
      </nav>
      <h1>{t(title)}</h1>
      {children}
    </>
  )
}
