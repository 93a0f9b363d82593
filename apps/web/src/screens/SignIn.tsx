/**
 * Signing in: with email, password and the authenticator app's code, or with
 * a one-time link — opened (`/sign-in#token=…`, the token is taken from the
 * fragment and wiped from the address bar before anything else) or pasted
 * into the form. On its own page, or inside the session-expired dialog, where
 * signing in leaves the page underneath as it was.
 */
import { BashkeProblem } from "@bashke/client"
import { type FormEvent, useEffect, useId, useRef, useState } from "react"
import { useSession } from "../Session"
import { usePageTitle, useText } from "../Text"
import { PasskeySignIn } from "./PasskeySignIn"

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
export const takeTokenFromAddress = (): string | undefined => {
  const hash = globalThis.location.hash
  if (!hash.startsWith("#token=")) return undefined
  globalThis.history.replaceState(globalThis.history.state, "", globalThis.location.pathname)
  return hash.slice("#token=".length)
}

type PasswordField = "email" | "password" | "code"

/** The field a refused sign-in is about, by the rule that refused it (the problem names none). */
export const fieldOfRule = (rule: string | undefined): PasswordField | undefined =>
  rule === undefined
    ? undefined
    : rule.startsWith("identity.second-factor.")
      ? "code"
      : rule === "identity.sign-in.failed"
        ? "password"
        : undefined

/**
 * Email, password and the second factor's code. The API answers an unknown
 * email and a wrong password alike; its problem (localized) shows next to the
 * field it is about, or above the form when it is about no field (throttled).
 */
const PasswordSignIn = () => {
  const { t } = useText()
  const session = useSession()
  const id = useId()
  const [problem, setProblem] = useState<{ field: PasswordField | undefined; text: string } | undefined>()
  const [pending, setPending] = useState(false)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const value = (name: string) => {
      const raw = form.get(name)
      return typeof raw === "string" ? raw.trim() : ""
    }
    const code = value("code")
    setPending(true)
    try {
      const refused = await session.signInWithPassword({
        email: value("email"),
        password: String(form.get("password") ?? ""),
        ...(code === "" ? {} : { code }),
      })
      setProblem(
        refused === undefined ? undefined : { field: fieldOfRule(refused.rule), text: refused.detail ?? refused.title },
      )
    } catch (error) {
      setProblem({ field: undefined, text: BashkeProblem.is(error) ? error.title : t("web.error.title") })
    } finally {
      setPending(false)
    }
  }

  const errorId = (field: PasswordField) => `${id}-${field}-error`
  const errorFor = (field: PasswordField) =>
    problem?.field === field ? (
      <p className="error" id={errorId(field)} role="alert">
        {problem.text}
      </p>
    ) : null
  const input = (field: PasswordField, type: string, autoComplete: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{t(`web.sign-in.${field}.label` as const)}</label>
      <input
        id={`${id}-${field}`}
        name={field}
        type={type}
        autoComplete={autoComplete}
        aria-invalid={problem?.field === field}
        aria-describedby={
          [hint, problem?.field === field ? errorId(field) : undefined].filter(Boolean).join(" ") || undefined
        }
        {...(field === "code" ? { inputMode: "numeric" as const } : { required: true })}
      />
      {hint !== undefined && (
        <p className="hint" id={hint}>
          {t("web.sign-in.code.hint")}
        </p>
      )}
      {errorFor(field)}
    </div>
  )
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("web.sign-in.password.title")}>
      <h2>{t("web.sign-in.password.title")}</h2>
      {problem !== undefined && problem.field === undefined && (
        <p className="error" role="alert">
          {problem.text}
        </p>
      )}
      {input("email", "email", "username")}
      {input("password", "password", "current-password")}
      {input("code", "text", "one-time-code", `${id}-code-hint`)}
      <button type="submit" className="button primary" disabled={pending}>
        {t("web.sign-in.password.submit")}
      </button>
    </form>
  )
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
      <PasskeySignIn />
      <PasswordSignIn />
      <form onSubmit={submit} noValidate aria-label={t("web.sign-in.link.title")}>
        <h2>{t("web.sign-in.link.title")}</h2>
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
