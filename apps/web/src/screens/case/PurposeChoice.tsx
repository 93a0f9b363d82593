/**
 * Asking why before a personal read (a document's list, a safe contact): the
 * purpose the API records in the audit with the read, chosen from the
 * purposes a case worker reads for, then confirmed.
 */
import type { Purpose } from "@bashke/security"
import { useId, useState } from "react"
import { useText } from "../../Text"

/** The purposes a case worker reads personal data for on a case's pages. */
export const casePurposes = [
  "case-management",
  "protection",
  "referral",
] as const satisfies ReadonlyArray<Purpose.Purpose>

export type CasePurpose = (typeof casePurposes)[number]

export const PurposeChoice = ({
  confirm,
  hint,
  onChoose,
}: {
  /** The button's words: what the read shows. */
  readonly confirm: string
  readonly hint: string
  readonly onChoose: (purpose: CasePurpose) => void
}) => {
  const { t, label } = useText()
  const id = useId()
  const [purpose, setPurpose] = useState<CasePurpose>("case-management")
  return (
    <form
      className="details"
      onSubmit={(event) => {
        event.preventDefault()
        onChoose(purpose)
      }}
    >
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="field">
        <label htmlFor={`${id}-purpose`}>{t("web.details.purpose")}</label>
        <select
          id={`${id}-purpose`}
          value={purpose}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setPurpose(event.currentTarget.value as CasePurpose)}
        >
          {casePurposes.map((each) => (
            <option key={each} value={each}>
              {label(`purpose.${each}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button primary">
        {confirm}
      </button>
    </form>
  )
}
