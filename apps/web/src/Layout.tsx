/**
 * The frame of every page: skip link, the app's name, navigation, the
 * language switch and sign-out; the sign-in form while nobody is signed in,
 * and the sign-in dialog over the page (kept as it was) when a session ends.
 */
import { Locale } from "@bashke/kernel"
import { Link, Outlet } from "@tanstack/react-router"
import { lazy, Suspense } from "react"
import { AccountMenu, SignOut } from "./AccountMenu"
import { useSession } from "./Session"
import { SignIn } from "./screens/SignIn"
import { type MessageKey, usePageTitle, useText } from "./Text"

// Loaded when a session first expires: react-aria's dialog stays out of the first page's script.
const SessionExpired = lazy(() => import("./SessionExpired"))

const localeKey = (locale: Locale.Locale) => `locale.${locale.toLowerCase()}` as MessageKey

/** The language switch; `compact`: its label for assistive technology only (the header of a signed-in page). */
export const LanguageSwitch = ({ compact = false }: { readonly compact?: boolean }) => {
  const { t, locale, setLocale } = useText()
  const session = useSession()
  return (
    <label className="language">
      <span className={compact ? "visually-hidden" : undefined}>{t("web.language.label")}</span>
      <select
        value={locale}
        onChange={(event) => {
          const chosen = event.currentTarget.value as Locale.Locale
          setLocale(chosen)
          session.rememberLanguage(chosen)
        }}
        data-testid="language"
      >
        {Locale.all.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(localeKey(option))}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * What a page shows while it waits (the session being checked, a screen's script loading). It names
 * the page too, so the window's title is in the chosen language from the first moment: the
 * document's own title is one language's words.
 */
const Waiting = () => {
  const { t } = useText()
  usePageTitle(t("web.loading"))
  return <p role="status">{t("web.loading")}</p>
}

// An invitation's page works without a session: accepting the invitation starts one.
const enrolling = () => globalThis.location.pathname === "/invitation"

export const Layout = () => {
  const { t } = useText()
  const session = useSession()
  const signedIn = session.status === "signed-in" || session.status === "expired"
  return (
    <>
      <a className="skip" href="#main">
        {t("web.nav.skip")}
      </a>
      {/* Signed in, the header is one row at a desk's width: the tagline is for the sign-in page, the language's label for screen readers. */}
      <header className={signedIn ? "top compact" : "top"}>
        <div className="brand">
          <span className="brand-name">{t("web.app.name")}</span>
          {!signedIn && <span className="brand-tagline">{t("web.app.tagline")}</span>}
        </div>
        {signedIn && (
          <nav aria-label={t("web.nav.label")} className="nav">
            <Link to="/" activeOptions={{ exact: true }}>
              {t("web.nav.worklist")}
            </Link>
            <Link to="/cases">{t("web.nav.cases")}</Link>
            <Link to="/referrals">{t("web.nav.referrals")}</Link>
            <Link to="/directory">{t("web.nav.directory")}</Link>
            <Link to="/plans">{t("web.nav.plans")}</Link>
            <Link to="/statistics">{t("web.nav.statistics")}</Link>
            {session.me?.roles.some((role) => role === "administrator" || role === "coordinator") && (
              <Link to="/admin">{t("web.nav.admin")}</Link>
            )}
            <Link to="/meetings">{t("web.nav.meetings")}</Link>
            {session.me?.roles.includes("auditor") && <Link to="/subject-access">{t("web.nav.subject-access")}</Link>}
          </nav>
        )}
        <div className="tools">
          <LanguageSwitch compact={signedIn} />
          {signedIn &&
            (typeof session.me?.displayName === "string" ? (
              <AccountMenu name={session.me.displayName} />
            ) : (
              <SignOut className="button quiet" />
            ))}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {session.status === "checking" ? (
          <Waiting />
        ) : session.status === "signed-out" && !enrolling() ? (
          <SignIn />
        ) : (
          <Suspense fallback={<Waiting />}>
            <Outlet />
          </Suspense>
        )}
      </main>
      {session.status === "expired" && (
        <Suspense fallback={null}>
          <SessionExpired />
        </Suspense>
      )}
    </>
  )
}
