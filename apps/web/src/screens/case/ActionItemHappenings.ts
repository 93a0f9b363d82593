/**
 * The case timeline's entries for the due-date extensions of the meeting
 * action items linked to the case: when, from which date to which, by which
 * institution, and why (the reason is the writer's words, shown as data). The
 * API lists a case's items with their extensions to its full-access team
 * (each listing audited); to anyone else it is refused, and the timeline
 * simply has no extension in it.
 */
import { useQuery } from "@tanstack/react-query"
import { everyPage } from "../../EveryPage"
import { nameOf } from "../../Institutions"
import { useApi } from "../../Session"
import { addMessages, useText } from "../../Text"
import { webActionItemMessages } from "../../WebActionItemMessages"

addMessages(webActionItemMessages)

/** The case's action items with their extensions (every page the API answers). */
export const useCaseActionItems = (caseId: string) => {
  const api = useApi()
  return useQuery({
    queryKey: ["case-action-items", caseId],
    enabled: caseId !== "",
    retry: false,
    queryFn: async () => {
      return everyPage((after) =>
        api.GET("/v1/cases/{caseId}/action-items", { params: { path: { caseId }, query: { limit: 100, ...after } } }),
      )
    },
  })
}

/** One timeline entry; `note` is data as someone wrote it (not the app's words). */
export interface ExtensionHappening {
  readonly at: string
  readonly key: string
  readonly title: string
  readonly detail: string
  readonly note: string
}

/** The timeline's entries for the extensions of the case's action items (none where the list is refused). */
export const useActionItemHappenings = (caseId: string | undefined): ReadonlyArray<ExtensionHappening> => {
  const { t, date, locale } = useText()
  const items = useCaseActionItems(caseId ?? "")
  const day = (value: string) => date(`${value}T12:00:00Z`)
  return (items.data ?? []).flatMap((item) =>
    item.extensions.map((extension) => ({
      at: extension.extendedAt,
      key: extension.id,
      title: t("web.case.event.extension"),
      detail: t("web.case.event.extension.detail", {
        previous: day(extension.previousDueDate),
        next: day(extension.dueDate),
        institution: nameOf(item.institutionNames, extension.institution, locale),
      }),
      note: extension.reason,
    })),
  )
}
