/** What a page shows while its data loads or when the API refused it. */
import { BashkeProblem } from "@bashke/client"
import type { UseQueryResult } from "@tanstack/react-query"
import type { ReactNode } from "react"
import { useText } from "./Text"

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
        <button type="button" className="button" onClick={() => query.refetch()}>
          {t("web.error.retry")}
        </button>
      </div>
    )
  }
  return <>{children(query.data)}</>
}
