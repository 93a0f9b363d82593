/**
 * Signing in with a passkey: one button, first on the sign-in page. No email
 * is asked — the passkey names its person — so nothing tells whether an
 * account exists. The API's refusal (one problem for every flaw) shows under
 * the button.
 */
import { BashkeProblem } from "@bashke/client"
import { useId, useState } from "react"
import * as Passkeys from "../Passkeys"
import { useSession } from "../Session"
import { useText } from "../Text"

export const PasskeySignIn = () => {
  const { t } = useText()
  const session = useSession()
  const id = useId()
  const [problem, setProblem] = useState<string | undefined>()
  const [pending, setPending] = useState(false)

  const signIn = async () => {
    if (!Passkeys.supported()) return setProblem(t("web.passkey.unsupported"))
    setPending(true)
    setProblem(undefined)
    try {
      const options = (await session.api.POST("/v1/sign-in/passkey/options")).data
      const answer = await Passkeys.get(options)
      if (answer === undefined) return setProblem(t("web.passkey.cancelled"))
      await session.api.POST("/v1/sign-in/passkey", { body: answer as never })
      // The cookie is set: the session reads who signed in.
      await session.recheck()
    } catch (error) {
      setProblem(BashkeProblem.is(error) ? (error.detail ?? error.title) : t("web.error.title"))
    } finally {
      setPending(false)
    }
  }

  return (
    <div className="passkey-sign-in">
      <button
        type="button"
        className="button primary"
        disabled={pending}
        aria-describedby={`${id}-hint${problem === undefined ? "" : ` ${id}-error`}`}
        onClick={() => void signIn()}
      >
        {t("web.passkey.sign-in")}
      </button>
      <p className="hint" id={`${id}-hint`}>
        {t("web.passkey.sign-in.hint")}
      </p>
      {problem !== undefined && (
        <p className="error" id={`${id}-error`} role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
