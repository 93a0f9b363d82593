// Walking a keyset-paged list through the API: every page by the `next`
// cursor, checking that no page before the last is short.
import { expect } from "@effect/vitest"
import type { Gateway } from "./Gateway"

/** One page of a list as the API answers it. */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly next: string | null
}

/** One page of `path` read with `token` (200 expected). */
export const page = async <A>(gateway: Gateway, path: string, token: string): Promise<Page<A>> => {
  const response = await gateway.request("GET", path, { token })
  expect(response.status).toBe(200)
  return (await response.json()) as Page<A>
}

/**
 * Every item of `path`, following `next` with pages of `limit`; every page but
 * the last is full. `between` runs once, after the first page (to insert rows
 * while walking).
 */
export const walk = async <A>(
  gateway: Gateway,
  path: string,
  token: string,
  limit: number,
  between?: () => Promise<void>,
): Promise<ReadonlyArray<A>> => {
  const seen: Array<A> = []
  let next: string | undefined
  for (let pages = 0; pages < 200; pages++) {
    const separator = path.includes("?") ? "&" : "?"
    const current = await page<A>(
      gateway,
      `${path}${separator}limit=${limit}${next === undefined ? "" : `&after=${next}`}`,
      token,
    )
    seen.push(...current.items)
    if (current.next === null) return seen
    expect(current.items).toHaveLength(limit)
    next = current.next
    if (pages === 0 && between !== undefined) await between()
  }
  throw new Error("the cursor never ended")
}
