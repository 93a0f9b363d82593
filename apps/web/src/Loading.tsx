/** What a page shows while its data loads or when the API refused it. */
import { BashkeProblem } from "@bashke/client"
import type { UseQueryResult } from "@tanstack/react-query"
import type { ReactNode } from "react"
import { useText } from "./Text"

/**
 * Whether asking again may get another answer: a network failure, the server's
 * own trouble (5xx), a timeout or a throttle (408, 429). A refusal (not allowed,
 * not found) stays the same, so it offers no "Try again".
 */
export const retryHelps = (error: unknown): boolean =>
  !BashkeProblem.is(error) || error.status >= 500 || error.status === 408 || error.status === 429

export const Loaded = <A,>({
  query,
  children,
}: {
  readonly query: UseQueryResult<A>
  readonly children: (data: A) => ReactNode
}) => {
  const { t } = useText()
  if (query.isPending) return <p role="status">{t("web.loading")}</p>
  if (query.isError) {
    const error = query.error
    return (
      <div className="problem" role="alert">
        <h2>{BashkeProblem.is(error) ? error.title : t("web.error.title")}</h2>
        {BashkeProblem.is(error) && error.detail !== undefined && <p>{error.detail}</p>}
        {retryHelps(error) && (
          <button type="button" className="button" onClick={() => query.refetch()}>
            {t("web.error.retry")}
          </button>
        )}
      </div>
    )
  }
  return <>{children(query.data)}</>
}
