/**
 * Enrolment from an invitation (`/invitation#token=…`): the token is taken
 * from the fragment (which no server, proxy or log sees) and wiped from the
 * address bar, the invitation accepted — a session that reads nothing yet —
 * and the person sets up a second factor: a passkey first, or a password with
 * an authenticator app (its key shown to type in, a first code to confirm,
 * the recovery codes shown once). Then they sign in with it: the enrolment
 * session ends, and the sign-in page opens.
 */
import { BashkeProblem } from "@bashke/client"
import { type FormEvent, useEffect, useId, useRef, useState } from "react"
import * as Passkeys from "../Passkeys"
import { useSession } from "../Session"
import { usePageTitle, useText } from "../Text"
import { takeTokenFromAddress } from "./SignIn"

type Step =
  | { readonly _tag: "accepting" }
  | { readonly _tag: "refused" }
  | { readonly _tag: "choosing" }
  | { readonly _tag: "confirming-app"; readonly secret: string }
  | { readonly _tag: "done"; readonly recoveryCodes: ReadonlyArray<string> }

export const Enrolment = () => {
  const { t } = useText()
  const { api } = useSession()
  const id = useId()
  const [step, setStep] = useState<Step>({ _tag: "accepting" })
  const [problem, setProblem] = useState<string | undefined>()
  const [pending, setPending] = useState(false)
  const started = useRef(false)
  usePageTitle(t("web.enrolment.title"))

  useEffect(() => {
    if (started.current) return
    started.current = true
    const token = takeTokenFromAddress()
    if (token === undefined) return setStep({ _tag: "refused" })
    api.POST("/v1/invitations/accept", { body: { token } }).then(
      () => setStep({ _tag: "choosing" }),
      () => setStep({ _tag: "refused" }),
    )
  })

  // Runs one step against the API; its problem (localized) shows above the forms.
  const attempt = async (work: () => Promise<void>) => {
    setPending(true)
    setProblem(undefined)
    try {
      await work()
    } catch (error) {
      setProblem(BashkeProblem.is(error) ? (error.detail ?? error.title) : t("web.error.title"))
    } finally {
      setPending(false)
    }
  }

  const createPasskey = () =>
    attempt(async () => {
      if (!Passkeys.supported()) return setProblem(t("web.passkey.unsupported"))
      const options = (await api.POST("/v1/me/passkeys/options")).data
      const created = await Passkeys.create(options)
      if (created === undefined) return setProblem(t("web.passkey.cancelled"))
      await api.POST("/v1/me/passkeys", { body: created as never })
      setStep({ _tag: "done", recoveryCodes: [] })
    })

  const setPassword = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const password = String(new FormData(event.currentTarget).get("password") ?? "")
    void attempt(async () => {
      await api.PUT("/v1/me/password", { body: { password } })
      const { secret } = (await api.PUT("/v1/me/totp")).data
      setStep({ _tag: "confirming-app", secret })
    })
  }

  const confirmApp = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim()
    void attempt(async () => {
      const { recoveryCodes } = (await api.POST("/v1/me/totp/confirm", { body: { code } })).data
      setStep({ _tag: "done", recoveryCodes })
    })
  }

  // The enrolment session ends; the person signs in with the factor just set up.
  const goToSignIn = async () => {
    await api.POST("/v1/sign-out").catch(() => {})
    globalThis.location.assign("/sign-in")
  }

  const problemLine =
    problem === undefined ? null : (
      <p className="error" role="alert">
        {problem}
      </p>
    )

  return (
    <section className="enrolment card">
      <h1>{t("web.enrolment.title")}</h1>
      {step._tag === "accepting" && <p role="status">{t("web.enrolment.accepting")}</p>}
      {step._tag === "refused" && (
        <p className="error" role="alert">
          {t("web.enrolment.refused")}
        </p>
      )}
      {step._tag === "choosing" && (
        <>
          <p>{t("web.enrolment.intro")}</p>
          {problemLine}
          <h2>{t("web.enrolment.passkey.title")}</h2>
          <button type="button" className="button primary" disabled={pending} onClick={() => void createPasskey()}>
            {t("web.enrolment.passkey.create")}
          </button>
          <form onSubmit={setPassword} aria-label={t("web.enrolment.totp.title")}>
            <h2>{t("web.enrolment.totp.title")}</h2>
            <div className="field">
              <label htmlFor={`${id}-password`}>{t("web.enrolment.password.label")}</label>
              <input
                id={`${id}-password`}
                name="password"
                type="password"
                autoComplete="new-password"
                minLength={12}
                required
              />
            </div>
            <button type="submit" className="button" disabled={pending}>
              {t("web.enrolment.password.submit")}
            </button>
          </form>
        </>
      )}
      {step._tag === "confirming-app" && (
        <form onSubmit={confirmApp} aria-label={t("web.enrolment.totp.title")}>
          <h2>{t("web.enrolment.totp.title")}</h2>
          {problemLine}
          <p>{t("web.enrolment.totp.secret")}</p>
          <p className="secret" translate="no">
            <code>{step.secret}</code>
          </p>
          <div className="field">
            <label htmlFor={`${id}-code`}>{t("web.enrolment.totp.code")}</label>
            <input id={`${id}-code`} name="code" inputMode="numeric" autoComplete="one-time-code" required />
          </div>
          <button type="submit" className="button primary" disabled={pending}>
            {t("web.enrolment.totp.submit")}
          </button>
        </form>
      )}
      {step._tag === "done" && (
        <>
          <p role="status">{t("web.enrolment.done")}</p>
          {step.recoveryCodes.length > 0 && (
            <>
              <p>{t("web.enrolment.recovery")}</p>
              <ul className="recovery-codes" translate="no">
                {step.recoveryCodes.map((code) => (
                  <li key={code}>
                    <code>{code}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="button primary" onClick={() => void goToSignIn()}>
            {t("web.enrolment.sign-in")}
          </button>
        </>
      )}
    </section>
  )
}
