// GET /v1/me/worklist on SQLite and PostgreSQL, over the seeded demo: each
// person sees what is due for them — the receiving institution its referrals
// to answer, the sending institution a referral once it is overdue (the
// overdue reminder reached it), never someone else's — earliest deadline
// first, paged, in the language asked for; bad query values are problems
// naming the field.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

interface Item {
  readonly key: string
  readonly kind: string
  readonly title: string
  readonly state: string
  readonly dueAt: string
  readonly escalated: boolean
  readonly case?: { readonly id: string; readonly reference: string }
  readonly subject: { readonly type: string; readonly id: string }
  readonly link: string
}
interface Worklist {
  readonly generatedAt: string
  readonly locale: string
  readonly counts: { readonly overdue: number; readonly due: number; readonly upcoming: number }
  readonly items: ReadonlyArray<Item>
  readonly next: string | null
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: worklist`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const worklist = async (name: PersonName, query = ""): Promise<Worklist> => {
      const response = await gateway.request("GET", `/v1/me/worklist${query}`, { token: tokens.get(name) as string })
      expect(response.status).toBe(200)
      return (await response.json()) as Worklist
    }
    const referrals = () => seeded.referrals as NonNullable<Seeded["referrals"]>

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const name of ["coordinator", "advocate", "lawyer", "nurse", "teacher", "nationalCoordinator"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    it("the receiver sees its overdue referral first, with the case's reference and a link; counts over the whole list", async () => {
      const list = await worklist("lawyer")
      const mine = list.items.filter((item) => item.subject.id === referrals().overdue)
      expect(mine.map((item) => [item.kind, item.state])).toEqual([
        ["referral.acknowledge", "overdue"],
        ["referral.decide", "upcoming"],
      ])
      const [acknowledge] = mine
      expect(acknowledge).toMatchObject({
        key: `referral.acknowledge:${referrals().overdue}`,
        title: "Konfirmo marrjen e referimit",
        escalated: false,
        subject: { type: "referral", id: referrals().overdue },
        link: `/referrals/${referrals().overdue}`,
      })
      expect(acknowledge?.case?.reference).toMatch(/^[A-Z]{3}-\d{4}-\d{4}$/)
      expect(list.locale).toBe("sq")
      expect(list.counts.overdue).toBeGreaterThanOrEqual(1)
      expect(list.counts.overdue + list.counts.due + list.counts.upcoming).toBe(list.items.length)
      const dues = list.items.map((item) => item.dueAt)
      expect([...dues].sort()).toEqual(dues)
      expect(Object.keys(list).sort()).toEqual(["counts", "generatedAt", "items", "locale", "next"])
    })

    it("the sender sees the referral once it is overdue, not its decision; others see none of it", async () => {
      const advocate = await worklist("advocate")
      expect(advocate.items.filter((item) => item.subject.id === referrals().overdue).map((item) => item.kind)).toEqual(
        ["referral.acknowledge"],
      )
      for (const name of ["nurse", "teacher", "coordinator"] as const)
        expect((await worklist(name)).items.map((item) => item.subject.id)).not.toContain(referrals().overdue)
      expect((await worklist("nurse")).items.find((item) => item.subject.id === referrals().pending)).toMatchObject({
        kind: "referral.acknowledge",
        state: "upcoming",
      })
      expect(await worklist("nationalCoordinator")).toMatchObject({
        items: [],
        counts: { overdue: 0, due: 0, upcoming: 0 },
      })
    })

    it("pages by `next`, filters by state and mechanism, and speaks the language asked for", async () => {
      const whole = await worklist("lawyer")
      const first = await worklist("lawyer", "?limit=1")
      expect(first.items).toEqual(whole.items.slice(0, 1))
      expect(first.counts).toEqual(whole.counts)
      if (whole.items.length > 1) {
        expect(first.next).not.toBeNull()
        const second = await worklist("lawyer", `?limit=1&after=${first.next}`)
        expect(second.items).toEqual(whole.items.slice(1, 2))
      }
      const overdue = await worklist("lawyer", "?state=overdue")
      expect(overdue.items.every((item) => item.state === "overdue")).toBe(true)
      expect((await worklist("lawyer", `?mechanismId=${seeded.mechanismId}`)).items).toEqual(whole.items)
      const cyrillic = await worklist("lawyer", "?locale=sr-Cyrl")
      expect(cyrillic.locale).toBe("sr-Cyrl")
      expect(cyrillic.items.find((item) => item.kind === "referral.acknowledge")?.title).toBe(
        "Потврдите пријем упућивања",
      )
    })

    it("a bad query value is a problem naming the field, never echoing it", async () => {
      for (const [query, field] of [
        ["?state=late", "state"],
        ["?locale=xx", "locale"],
        ["?limit=0", "limit"],
        ["?mechanismId=zzz", "mechanismId"],
      ] as const) {
        const response = await gateway.request("GET", `/v1/me/worklist${query}`, {
          token: tokens.get("lawyer") as string,
        })
        expect(response.status, query).toBe(422)
        const problem = await response.json()
        expect(problem.field, query).toBe(field)
        expect(JSON.stringify(problem)).not.toContain("zzz")
      }
    })
  })
}
