/**
 * What a form shows when the API answers 412 (someone changed the record since
 * it was read): the message and a reload of the record, leaving the form — and
 * what was typed in it — where it is.
 */
import { BashkeProblem } from "@bashke/client"
import { useText } from "./Text"

/** Whether an error is the API's "changed in the meantime". */
export const isStale = (error: unknown): boolean => BashkeProblem.is(error) && error.kind === "stale-version"

export const Stale = ({ reload }: { readonly reload: () => void }) => {
  const { t } = useText()
  return (
    <div className="problem" role="alert">
      <p>{t("web.stale")}</p>
      <button type="button" className="button" onClick={reload}>
        {t("web.reload")}
      </button>
    </div>
  )
}
