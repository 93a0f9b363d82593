/**
 * Every item of a list the API pages by cursor: asks for the first page, then
 * for the page after each `next` until there is none.
 */
export const everyPage = async <A>(
  page: (after: {
    readonly after?: string
  }) => Promise<{ readonly data: { readonly items: ReadonlyArray<A>; readonly next?: string | null } }>,
): Promise<Array<A>> => {
  const all: Array<A> = []
  let after: string | undefined
  do {
    const { data } = await page(after === undefined ? {} : { after })
    all.push(...data.items)
    after = data.next ?? undefined
  } while (after !== undefined)
  return all
}
