/**
 * Signing in with a one-time link: opened (`/sign-in#token=…`, the token is
 * taken from the fragment and wiped from the address bar before anything
 * else) or pasted into the form. On its own page, or inside the
 * session-expired dialog, where signing in leaves the page underneath as it
 * was.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from "react"
import { useSession } from "../Session"
import { usePageTitle, useText } from "../Text"

const PageTitle = () => {
  const { t } = useText()
  usePageTitle(t("web.sign-in.title"))
  return null
}

/** The token of a link (`…#token=…`) or a bare token. */
export const tokenOf = (pasted: string): string => {
  const text = pasted.trim()
  const at = text.indexOf("#token=")
  return at >= 0 ? text.slice(at + "#token=".length) : text
}

/** The token in the address bar's fragment, wiped from it at once (and from the history entry). */
const takeTokenFromAddress = (): string | undefined => {
  const hash = globalThis.location.hash
  if (!hash.startsWith("#token=")) return undefined
  globalThis.history.replaceState(globalThis.history.state, "", globalThis.location.pathname)
  return hash.slice("#token=".length)
}

export const SignIn = ({ embedded = false }: { readonly embedded?: boolean }) => {
  const { t } = useText()
  const session = useSession()
  const [refused, setRefused] = useState(false)
  const [pending, setPending] = useState(false)
  const id = useId()
  const tried = useRef(false)

  const attempt = async (token: string) => {
    if (token === "") return setRefused(true)
    setPending(true)
    const accepted = await session.signInWithLink(token).finally(() => setPending(false))
    setRefused(!accepted)
  }

  useEffect(() => {
    if (embedded || tried.current) return
    tried.current = true
    const token = takeTokenFromAddress()
    if (token !== undefined) void attempt(token)
  })

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const pasted = new FormData(event.currentTarget).get("link")
    void attempt(typeof pasted === "string" ? tokenOf(pasted) : "")
  }
  return (
    <section className={embedded ? "sign-in embedded" : "sign-in card"}>
      {!embedded && (
        <>
          <PageTitle />
          <h1>{t("web.sign-in.title")}</h1>
        </>
      )}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-link`}>{t("web.sign-in.link.label")}</label>
          <input
            id={`${id}-link`}
            name="link"
            type="password"
            autoComplete="off"
            aria-describedby={`${id}-hint${refused ? ` ${id}-error` : ""}`}
            aria-invalid={refused}
            required
          />
          <p className="hint" id={`${id}-hint`}>
            {t("web.sign-in.link.hint")}
          </p>
          {refused && (
            <p className="error" id={`${id}-error`} role="alert">
              {t("web.sign-in.refused")}
            </p>
          )}
        </div>
        <button type="submit" className="button primary" disabled={pending}>
          {t("web.sign-in.submit")}
        </button>
      </form>
    </section>
  )
}
