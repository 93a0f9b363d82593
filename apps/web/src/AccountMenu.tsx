/**
 * The signed-in person's menu in the header: their name on a button that
 * discloses their own pages (the calendar subscription) and signing out. A
 * disclosure, not an ARIA menu: Tab moves through it, Escape closes it and
 * returns to the button, and it closes when focus or a click goes elsewhere
 * or one of its links is followed. Keeps the header one row at a desk's width.
 */
import { Link } from "@tanstack/react-router"
import { useEffect, useId, useRef, useState } from "react"
import { useSession } from "./Session"
import { useText } from "./Text"

/** The sign-out button. */
export const SignOut = ({ className }: { readonly className: string }) => {
  const { t } = useText()
  const session = useSession()
  return (
    <button type="button" className={className} onClick={() => void session.signOut()}>
      {t("web.sign-out")}
    </button>
  )
}

export const AccountMenu = ({ name }: { readonly name: string }) => {
  const { t } = useText()
  const [open, setOpen] = useState(false)
  const panel = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const elsewhere = (event: Event) => {
      if (!(event.target instanceof Node && root.current?.contains(event.target))) setOpen(false)
    }
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener("pointerdown", elsewhere)
    document.addEventListener("focusin", elsewhere)
    document.addEventListener("keydown", closeOnEscape)
    return () => {
      document.removeEventListener("pointerdown", elsewhere)
      document.removeEventListener("focusin", elsewhere)
      document.removeEventListener("keydown", closeOnEscape)
    }
  }, [open])

  return (
    <div className="account" ref={root}>
      <button
        type="button"
        className="button quiet account-button"
        aria-expanded={open}
        aria-controls={panel}
        ref={button}
        onClick={() => setOpen(!open)}
        data-testid="account"
      >
        <span className="who" translate="no">
          {name}
        </span>
        <span className="visually-hidden"> {t("web.account.menu")}</span>
      </button>
      <ul id={panel} className="account-panel" hidden={!open}>
        <li>
          <Link to="/calendar-subscription" onClick={() => setOpen(false)}>
            {t("web.nav.calendar-subscription")}
          </Link>
        </li>
        <li>
          <SignOut className="button" />
        </li>
      </ul>
    </div>
  )
}
