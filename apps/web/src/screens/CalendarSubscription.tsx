/**
 * Calendar subscriptions: the person makes a secret address of their
 * meetings for Thunderbird, Outlook or a phone's calendar (which send no
 * credential), copies it — it is shown once: the API keeps only its hash —
 * and revokes it, after which it answers 404. The address is never put in
 * the page's URL, its title or the browser's storage.
 */
import { Locale } from "@bashke/kernel"
import { meetingMessages } from "@bashke/meeting"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { FormError, fromApi, type Problem } from "../FieldProblem"
import { Select } from "../Fields"
import { Loaded } from "../Loading"
import { useApi } from "../Session"
import { addMessages, type MessageKey, usePageTitle, useText } from "../Text"
import { webMeetingMessages } from "../WebMeetingMessages"

addMessages(meetingMessages)
addMessages(webMeetingMessages)

const localeKey = (locale: Locale.Locale) => `locale.${locale.toLowerCase()}` as MessageKey

export const CalendarSubscription = () => {
  const text = useText()
  const { t, locale, dateTime } = text
  usePageTitle(t("web.calendar-feed.title"))
  const api = useApi()
  const queryClient = useQueryClient()
  const [language, setLanguage] = useState<string>(locale)
  const [address, setAddress] = useState<string | undefined>(undefined)
  const [copied, setCopied] = useState(false)
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const feeds = useQuery({
    queryKey: ["calendar-feeds"],
    queryFn: async () => (await api.GET("/v1/calendar-feeds")).data,
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["calendar-feeds"] })
  const create = useMutation({
    mutationFn: async () =>
      (await api.POST("/v1/calendar-feeds", { body: { locale: language as Locale.Locale } })).data,
    onMutate: () => {
      setProblem(undefined)
      setCopied(false)
    },
    onSuccess: async (issued) => {
      setAddress(new URL(issued.url, globalThis.location.origin).href)
      await refresh()
    },
    onError: (error) => setProblem(fromApi(error, text)),
  })
  const revoke = useMutation({
    mutationFn: async (feedId: string) =>
      (await api.POST("/v1/calendar-feeds/{feedId}/revocation", { params: { path: { feedId } } })).data,
    onMutate: () => setProblem(undefined),
    onSuccess: async () => {
      setAddress(undefined)
      await refresh()
    },
    onError: (error) => setProblem(fromApi(error, text)),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate()
  }
  const copy = async () => {
    if (address === undefined) return
    await navigator.clipboard?.writeText(address).catch(() => {})
    setCopied(true)
  }
  return (
    <>
      <h1>{t("web.calendar-feed.title")}</h1>
      <p>{t("web.calendar-feed.intro")}</p>
      <FormError problem={problem} shown={(field) => field === "locale"} />
      <form className="card" onSubmit={submit} aria-label={t("web.calendar-feed.create")}>
        <Select
          field="locale"
          scope="feed"
          label={t("web.calendar-feed.language")}
          value={language}
          options={Locale.all.map((each) => [each, t(localeKey(each))] as const)}
          onChange={setLanguage}
          problem={problem}
        />
        <button type="submit" className="button" disabled={create.isPending}>
          {t("web.calendar-feed.create")}
        </button>
      </form>
      {address !== undefined && (
        <section className="card" aria-labelledby="new-address">
          <h2 id="new-address">{t("web.calendar-feed.url")}</h2>
          <p>{t("web.calendar-feed.created")}</p>
          <div className="field">
            <label htmlFor="feed-url">{t("web.calendar-feed.url")}</label>
            <input
              id="feed-url"
              readOnly
              value={address}
              translate="no"
              autoComplete="off"
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <button type="button" className="button secondary" onClick={() => void copy()}>
            {t("web.calendar-feed.copy")}
          </button>
          {copied && <p role="status">{t("web.calendar-feed.copied")}</p>}
        </section>
      )}
      <section aria-labelledby="feeds">
        <h2 id="feeds">{t("web.calendar-feed.list")}</h2>
        <Loaded query={feeds}>
          {(list) =>
            list.length === 0 ? (
              <p>{t("web.calendar-feed.none")}</p>
            ) : (
              <ul className="worklist" data-testid="feeds">
                {[...list].reverse().map((feed) => (
                  <li key={feed.id} className="item" data-feed={feed.id}>
                    <span>
                      {t("web.calendar-feed.made", { at: dateTime(feed.createdAt) })} · {t(localeKey(feed.locale))}
                    </span>
                    <span className="meta">
                      {feed.revokedAt === undefined ? (
                        <>
                          <span className="tag">{t("web.calendar-feed.active")}</span>
                          <button
                            type="button"
                            className="button secondary"
                            disabled={revoke.isPending}
                            onClick={() => revoke.mutate(feed.id)}
                          >
                            {t("web.calendar-feed.revoke")}
                          </button>
                        </>
                      ) : (
                        <span className="tag warning">
                          {t("web.calendar-feed.revoked", { at: dateTime(feed.revokedAt) })}
                        </span>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </>
  )
}
