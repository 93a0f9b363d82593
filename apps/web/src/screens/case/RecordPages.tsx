/**
 * A list of a case's records read page by page (the API's keyset pages): the
 * items read so far and a "More" button while there are more. Records are
 * personal data: kept in memory only while a page shows them (`gcTime: 0`).
 */
import { useInfiniteQuery } from "@tanstack/react-query"
import { useText } from "../../Text"

export interface RecordPage<A> {
  readonly items: ReadonlyArray<A>
  readonly next: string | null
}

/** The pages of `queryKey`, each fetched with the cursor of the one before. */
export const useRecordPages = <A,>(
  queryKey: ReadonlyArray<unknown>,
  fetchPage: (after: { readonly after?: string }) => Promise<RecordPage<A>>,
) =>
  useInfiniteQuery({
    queryKey,
    gcTime: 0,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam === undefined ? {} : { after: pageParam }),
    getNextPageParam: (page) => page.next ?? undefined,
  })

/** Every item of the pages read so far. */
export const itemsOf = <A,>(pages: { readonly pages: ReadonlyArray<RecordPage<A>> }): ReadonlyArray<A> =>
  pages.pages.flatMap((page) => page.items)

/** The button that reads the next page, while there is one. */
export const More = ({
  query,
}: {
  readonly query: {
    readonly hasNextPage: boolean
    readonly isFetchingNextPage: boolean
    readonly fetchNextPage: () => Promise<unknown>
  }
}) => {
  const { t } = useText()
  return query.hasNextPage ? (
    <button
      type="button"
      className="button"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {t("web.more")}
    </button>
  ) : null
}
