// The meeting and action item lists page in SQL by keyset (migration 9 of the
// meeting package): over the demo, more meetings scheduled (two at one start)
// and requested through the API, and copies of the demo's action items with
// other owners and due dates, walking a list by the `next` cursor gives every
// row the caller may see once, in the list's order, the same as one page of
// all of them; no page before the last is short; a meeting scheduled while
// walking appears once; a member who does not see case data never gets a
// case-linked item, and its pages are not short for it.

import { CivilDate, Id } from "@bashke/kernel"
import { ActionItem, type ActionItemRepository } from "@bashke/meeting"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import type { Effect } from "effect"
import { seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import * as Repositories from "../support/Repositories"
import * as Walk from "../support/Walk"

interface Row {
  readonly id: string
  readonly status: string
  readonly kind?: string
  readonly schedule?: { readonly startsAt: string }
  readonly dueDate?: string
  readonly owner?: string
  readonly link?: { readonly _tag: string }
  readonly meetingId?: string
}

const hour = 3_600_000
const owners = [institutions.police.id, institutions.socialWork.id, institutions.shelter.id, institutions.health.id]

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: meeting lists paged by keyset`, () => {
    let gateway: Gateway
    let mechanismId: Id.MechanismId
    const tokens = new Map<PersonName, string>()
    const as = (name: PersonName) => tokens.get(name) as string
    const base = Date.now() + 48 * hour

    const schedule = async (startsAt: number) => {
      const response = await gateway.request("POST", `/v1/mechanisms/${mechanismId}/meetings`, {
        token: as("coordinator"),
        body: {
          kind: "regular",
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(startsAt + hour).toISOString(),
          place: "Municipal building",
        },
      })
      expect(response.status).toBe(201)
    }

    const items = <A>(use: (repository: ActionItemRepository.Service) => Effect.Effect<A>) =>
      gateway.runtime.runPromise(Repositories.actionItems(use))

    beforeAll(async () => {
      gateway = await makeGateway(db)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
      for (const name of ["coordinator", "policeOfficer", "caseManager", "teacher"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, mechanismId)))
      // Six more meetings, two of them at one start (the id breaks the tie), out of order.
      for (const offset of [5, 1, 3, 3, 8, 2]) await schedule(base + offset * 24 * hour)
      for (const name of ["policeOfficer", "caseManager"] as const) {
        const response = await gateway.request("POST", `/v1/mechanisms/${mechanismId}/meeting-requests`, {
          token: as(name),
          body: { reason: "A joint review is needed", urgency: "standard" },
        })
        expect(response.status).toBe(201)
      }
      // Copies of the demo's open items: other owners and due dates, some of them one day.
      const open = await items((repository) => repository.open(mechanismId))
      expect(open.some(ActionItem.concernsCase)).toBe(true)
      for (let i = 0; i < 24; i++) {
        const source = open[i % open.length] as ActionItem.ActionItem
        await items((repository) =>
          repository.insert({
            ...source,
            id: Id.ulidAt(Date.now() + i, new Uint8Array(10).fill(i + 1)) as Id.ActionItemId,
            owner: owners[i % owners.length] as Id.InstitutionId,
            dueDate: CivilDate.addDays(source.dueDate, i % 5),
            version: 1,
          }),
        )
      }
    })
    afterAll(() => gateway.close())

    const page = (path: string, name: PersonName) => Walk.page<Row>(gateway, path, as(name))
    const walk = (path: string, name: PersonName, limit: number, between?: () => Promise<void>) =>
      Walk.walk<Row>(gateway, path, as(name), limit, between)

    const ids = (rows: ReadonlyArray<Row>) => rows.map((row) => row.id)

    it("the meetings walked by cursor are the one page of all: scheduled by start then id, then the requests", async () => {
      const listing = `/v1/mechanisms/${mechanismId}/meetings`
      const all = (await page(`${listing}?limit=200`, "teacher")).items
      expect(all.length).toBeGreaterThanOrEqual(12)
      const key = (row: Row) => [row.schedule === undefined ? "~" : row.schedule.startsAt, row.id].join(" ")
      expect(all.map(key)).toEqual(all.map(key).sort())
      expect(all.filter((row) => row.schedule === undefined).length).toBeGreaterThanOrEqual(3)
      for (const limit of [1, 2, 5]) expect(ids(await walk(listing, "teacher", limit))).toEqual(ids(all))
      for (const filter of ["status=requested", "status=scheduled", "kind=regular", "kind=ad-hoc"]) {
        const [field, value] = filter.split("=") as [keyof Row, string]
        const expected = ids(all.filter((row) => row[field] === value))
        expect(expected.length).toBeGreaterThan(0)
        expect(ids(await walk(`${listing}?${filter}`, "teacher", 2))).toEqual(expected)
      }
    })

    it("a meeting scheduled after the cursor while walking appears once; none is shown twice or skipped", async () => {
      const listing = `/v1/mechanisms/${mechanismId}/meetings`
      const before = ids((await page(`${listing}?limit=200`, "teacher")).items)
      const walked = ids(await walk(listing, "teacher", 3, () => schedule(base + 30 * 24 * hour)))
      expect(new Set(walked).size).toBe(walked.length)
      const after = ids((await page(`${listing}?limit=200`, "teacher")).items)
      expect(after).toHaveLength(before.length + 1)
      expect(walked).toEqual(after)
    })

    it("the open action items walked by cursor are the one page of all, by due date then id, for each reader", async () => {
      const listing = `/v1/mechanisms/${mechanismId}/action-items`
      for (const name of ["policeOfficer", "teacher"] as const) {
        const all = (await page(`${listing}?limit=200`, name)).items
        expect(all.length).toBeGreaterThan(10)
        const key = (row: Row) => `${row.dueDate} ${row.id}`
        expect(all.map(key)).toEqual(all.map(key).sort())
        expect(all.every((row) => row.status === "open")).toBe(true)
        for (const limit of [1, 3]) expect(ids(await walk(listing, name, limit))).toEqual(ids(all))
        for (const owner of owners.slice(0, 2))
          expect(ids(await walk(`${listing}?owner=${owner}`, name, 2))).toEqual(
            ids(all.filter((row) => row.owner === owner)),
          )
      }
      // The school did not sign the memorandum: no case-linked item, yet the police see some.
      expect((await page(`${listing}?limit=200`, "teacher")).items.some((row) => row.link?._tag === "case")).toBe(false)
      expect((await page(`${listing}?limit=200`, "policeOfficer")).items.some((row) => row.link?._tag === "case")).toBe(
        true,
      )
    })

    it("a meeting's action items walked by cursor are the one page of all of them", async () => {
      const open = await items((repository) => repository.open(mechanismId))
      const meetingId = open[0]?.meetingId as Id.MeetingId
      const listing = `/v1/meetings/${meetingId}/action-items`
      for (const name of ["policeOfficer", "teacher"] as const) {
        const all = (await page(`${listing}?limit=200`, name)).items
        expect(all.length).toBeGreaterThan(1)
        expect(all.every((row) => row.meetingId === meetingId)).toBe(true)
        for (const limit of [1, 2]) expect(ids(await walk(listing, name, limit))).toEqual(ids(all))
      }
    })

    it("a meeting's decisions read a page at a time are the one page of all, without case ones for the school", async () => {
      const meetings = (await page(`/v1/mechanisms/${mechanismId}/meetings?status=minutes-approved`, "teacher")).items
      const read = async (meetingId: string, name: PersonName, query: string): Promise<Walk.Page<Row>> => {
        const response = await gateway.request("POST", `/v1/meetings/${meetingId}/decisions/read?${query}`, {
          token: as(name),
        })
        expect(response.status).toBe(200)
        return (await response.json()) as Walk.Page<Row>
      }
      let caseDecisions = 0
      for (const meeting of meetings)
        for (const name of ["policeOfficer", "teacher"] as const) {
          const all = (await read(meeting.id, name, "limit=200")).items
          if (name === "teacher")
            expect(all.some((row) => (row as { caseId?: string }).caseId !== undefined)).toBe(false)
          else caseDecisions += all.filter((row) => (row as { caseId?: string }).caseId !== undefined).length
          const walked: Array<Row> = []
          let next: string | null = null
          for (let pages = 0; pages < 50; pages++) {
            const current: Walk.Page<Row> = await read(
              meeting.id,
              name,
              `limit=1${next === null ? "" : `&after=${next}`}`,
            )
            walked.push(...current.items)
            next = current.next
            if (next === null) break
            expect(current.items).toHaveLength(1)
          }
          expect(ids(walked)).toEqual(ids(all))
        }
      expect(caseDecisions).toBeGreaterThan(0)
    })

    it("a cursor of another list's shape is a problem naming the cursor", async () => {
      const cursor = Buffer.from(JSON.stringify(["not-a-day", "x"])).toString("base64url")
      for (const path of [
        `/v1/mechanisms/${mechanismId}/action-items?after=${cursor}`,
        `/v1/mechanisms/${mechanismId}/meetings?after=${cursor}`,
      ]) {
        const response = await gateway.request("GET", path, { token: as("teacher") })
        expect(response.status).toBe(422)
        expect(JSON.stringify(await response.json())).toContain("pagination.cursor.malformed")
      }
    })
  })
}
