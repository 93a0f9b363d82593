/**
 * The home page: what is due for the person, earliest first, grouped as the
 * API groups it (overdue, due now, upcoming), each item linking to where it is
 * dealt with. The titles come from the API in the person's language.
 */
import type { Schemas } from "@bashke/client"
import { useInfiniteQuery, useQuery } from "@tanstack/react-query"
import { Loaded } from "../Loading"
import { ServerLink } from "../ServerLink"
import { useApi } from "../Session"
import { type MessageKey, usePageTitle, useText } from "../Text"

type Item = Schemas["WorklistItem"]

const states = ["overdue", "due", "upcoming"] as const
const stateKey = (state: string) => `web.worklist.state.${state}` as MessageKey

/** The worklist in the person's language, page by page. */
export const useWorklist = () => {
  const api = useApi()
  const { locale } = useText()
  return useInfiniteQuery({
    queryKey: ["worklist", locale],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await api.GET("/v1/me/worklist", {
          params: { query: { locale, limit: 50, ...(pageParam === undefined ? {} : { after: pageParam }) } },
        })
      ).data,
    getNextPageParam: (page) => page.next ?? undefined,
  })
}

/** The open items of one case (the case page's "next deadlines"). */
export const useCaseDeadlines = (caseId: string) => {
  const api = useApi()
  const { locale } = useText()
  return useQuery({
    queryKey: ["worklist", locale, "all"],
    queryFn: async () => (await api.GET("/v1/me/worklist", { params: { query: { locale, limit: 100 } } })).data,
    select: (worklist) => worklist.items.filter((item) => item.case?.id === caseId),
  })
}

export const WorklistItem = ({ item }: { readonly item: Item }) => {
  const { t, dateTime } = useText()
  return (
    <li className={`item ${item.state}`}>
      <ServerLink path={item.link}>{item.title}</ServerLink>
      <span className="meta">
        {item.case !== undefined && <span className="reference">{item.case.reference}</span>}
        <time dateTime={item.dueAt}>{t("web.worklist.due-at", { when: dateTime(item.dueAt) })}</time>
        {item.escalated && <span className="tag warning">{t("web.worklist.escalated")}</span>}
      </span>
    </li>
  )
}

export const Worklist = () => {
  const { t } = useText()
  usePageTitle(t("web.worklist.title"))
  const query = useWorklist()
  return (
    <>
      <h1>{t("web.worklist.title")}</h1>
      <Loaded query={query}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items)
          const counts = data.pages[0]?.counts ?? { overdue: 0, due: 0, upcoming: 0 }
          if (items.length === 0) return <p>{t("web.worklist.empty")}</p>
          return (
            <>
              <p className="summary">{t("web.worklist.counts", counts)}</p>
              {states.map((state) => {
                const inState = items.filter((item) => item.state === state)
                if (inState.length === 0) return null
                return (
                  <section key={state} aria-labelledby={`worklist-${state}`}>
                    <h2 id={`worklist-${state}`}>{t(stateKey(state))}</h2>
                    <ul className="worklist">
                      {inState.map((item) => (
                        <WorklistItem key={item.key} item={item} />
                      ))}
                    </ul>
                  </section>
                )
              })}
              {query.hasNextPage && (
                <button type="button" className="button" onClick={() => query.fetchNextPage()}>
                  {t("web.more")}
                </button>
              )}
            </>
          )
        }}
      </Loaded>
    </>
  )
}
