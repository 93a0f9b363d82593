/** The sign-in form: on its own page, or inside the session-expired dialog. */
import { type FormEvent, useId, useState } from "react"
import { useSession } from "../Session"
import { usePageTitle, useText } from "../Text"

const PageTitle = () => {
  const { t } = useText()
  usePageTitle(t("web.sign-in.title"))
  return null
}

export const SignIn = ({ embedded = false }: { readonly embedded?: boolean }) => {
  const { t } = useText()
  const session = useSession()
  const [refused, setRefused] = useState(false)
  const [pending, setPending] = useState(false)
  const id = useId()
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const credential = new FormData(event.currentTarget).get("credential")
    if (typeof credential !== "string" || credential.trim() === "") return setRefused(true)
    setPending(true)
    const accepted = await session.signIn(credential).finally(() => setPending(false))
    setRefused(!accepted)
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
          <label htmlFor={`${id}-credential`}>{t("web.sign-in.token.label")}</label>
          <input
            id={`${id}-credential`}
            name="credential"
            type="password"
            autoComplete="off"
            aria-describedby={`${id}-hint${refused ? ` ${id}-error` : ""}`}
            aria-invalid={refused}
            required
          />
          <p className="hint" id={`${id}-hint`}>
            {t("web.sign-in.token.hint")}
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
