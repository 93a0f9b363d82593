/**
 * The sign-in dialog over a page whose session ended: modal, so the page
 * underneath (and whatever was typed in it) stays as it was until the person
 * has signed in again — here, with a new link, or in another tab (then
 * "continue" finds the new session).
 */
import { Dialog, Heading, Modal } from "react-aria-components"
import { useSession } from "./Session"
import { SignIn } from "./screens/SignIn"
import { useText } from "./Text"

const SessionExpired = () => {
  const { t } = useText()
  const session = useSession()
  return (
    <Modal isOpen isDismissable={false} className="modal">
      <Dialog className="dialog" aria-labelledby="expired-title">
        <Heading slot="title" id="expired-title">
          {t("web.sign-in.title")}
        </Heading>
        <p role="status">{t("web.sign-in.expired")}</p>
        <SignIn embedded />
        <button type="button" className="button" onClick={() => void session.recheck()}>
          {t("web.sign-in.continue")}
        </button>
      </Dialog>
    </Modal>
  )
}

export default SessionExpired
