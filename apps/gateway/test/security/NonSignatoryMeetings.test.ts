// Finding 7 of the outside review: the agenda hid case items from members that
// did not sign the memorandum, but decisions carried `caseId` and case-linked
// text, action items (and their review on the agenda) carried case links, and
// sealed action-item text and ad hoc meeting reasons were returned by GET
// without an audit entry. Decisions and action items are now filtered as the
// agenda is (the meeting package's `MeetingPolicy.seesCaseData`), and every
// read of sealed text is audited. The attack, through HTTP, on SQLite and
// PostgreSQL, as the school's representative (a member that did not sign).
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts } from "../support/Rows"

interface Named {
  readonly caseId?: string
  readonly link?: { readonly _tag: string }
  readonly _tag?: string
}
const namesACase = (item: Named) =>
  item.caseId !== undefined ||
  item.link?._tag === "case" ||
  ["CaseReview", "AnniversaryNotice", "OverdueReferral"].includes(item._tag ?? "")

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: members that did not sign learn no case from meetings`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string
    const meetings = () => seeded.meetings as NonNullable<Seeded["meetings"]>
    const audited = async () => (await counts(gateway, ["audit_log"])).audit_log ?? 0

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const who of ["teacher", "policeOfficer"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const read = async (who: PersonName, method: string, path: string) => {
      const response = await gateway.request(method, path, { token: as(who) })
      expect(response.status).toBe(200)
      return response.json()
    }

    it("decisions, action items and the agenda name no case for the school; a signatory sees them", async () => {
      const second = `/v1/meetings/${meetings().held[1]}`
      const openItems = `/v1/mechanisms/${seeded.mechanismId}/action-items`
      const agenda = `/v1/meetings/${meetings().upcoming.meetingId}/agenda`

      const decisions = await read("teacher", "POST", `${second}/decisions/read`)
      expect(decisions.items.length).toBeGreaterThan(0)
      expect(decisions.items.filter(namesACase)).toEqual([])
      expect(JSON.stringify(decisions)).not.toContain("protection order")
      const items = await read("teacher", "GET", `${second}/action-items`)
      expect(items.items.length).toBeGreaterThan(0)
      expect(items.items.filter(namesACase)).toEqual([])
      expect((await read("teacher", "GET", openItems)).items.filter(namesACase)).toEqual([])
      const teachersAgenda = await read("teacher", "GET", agenda)
      expect(teachersAgenda.items.filter(namesACase)).toEqual([])
      expect(JSON.stringify(teachersAgenda)).not.toContain(seeded.cases?.highRisk.caseId)

      // The police signed: the same reads show the case.
      expect((await read("policeOfficer", "POST", `${second}/decisions/read`)).items.some(namesACase)).toBe(true)
      expect((await read("policeOfficer", "GET", `${second}/action-items`)).items.some(namesACase)).toBe(true)
      expect((await read("policeOfficer", "GET", agenda)).items.some(namesACase)).toBe(true)
    })

    it("every read of sealed text is audited: action items' descriptions, a request's reason", async () => {
      const before = await audited()
      await read("teacher", "GET", `/v1/meetings/${meetings().held[1]}/action-items`)
      expect(await audited()).toBe(before + 1)
      await read("teacher", "GET", `/v1/mechanisms/${seeded.mechanismId}/action-items`)
      expect(await audited()).toBe(before + 2)
      const request = await read("teacher", "GET", `/v1/meetings/${meetings().request.meetingId}`)
      expect(request.request.reason).toBeDefined()
      expect(await audited()).toBe(before + 3)
      await read("teacher", "GET", `/v1/mechanisms/${seeded.mechanismId}/meetings`)
      expect(await audited()).toBe(before + 4)
      // A meeting without free text is read without an entry.
      await read("teacher", "GET", `/v1/meetings/${meetings().upcoming.meetingId}`)
      expect(await audited()).toBe(before + 4)
    })
  })
}
