// A local action plan from draft to monitoring through the API, on SQLite and
// PostgreSQL: the coordinator drafts and revises the draft (If-Match, ids kept,
// institutions named), adopts it, and from then on a revision is refused; a
// measurement outside its indicator's unit is refused naming the field; the
// monitoring report's implementation level by pillar and by quarter moves as
// activities are completed. Every refusal changes nothing.
import { CivilDate, type Id } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: revising and monitoring a local action plan`, () => {
    let gateway: Gateway
    let mechanismId: Id.MechanismId
    const tokens = new Map<PersonName, string>()
    const token = (name: PersonName) => tokens.get(name) as string
    const year = CivilDate.year(CivilDate.ofInstant(new Date(), "Europe/Belgrade"))
    let planId = ""
    let etag = ""

    beforeAll(async () => {
      gateway = await makeGateway(db)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
      for (const name of ["coordinator", "teacher", "nationalCoordinator"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, mechanismId)))
    })
    afterAll(() => gateway.close())

    const call = (
      method: string,
      path: string,
      options: {
        readonly body?: unknown
        readonly ifMatch?: string
        readonly who?: PersonName
        readonly locale?: string
      } = {},
    ) =>
      gateway.request(method, path, {
        token: token(options.who ?? "coordinator"),
        ...(options.body === undefined ? {} : { body: options.body }),
        ...(options.ifMatch === undefined ? {} : { ifMatch: options.ifMatch }),
        ...(options.locale === undefined ? {} : { headers: { "accept-language": options.locale } }),
      })
    const plan = async () => {
      const response = await call("GET", `/v1/action-plans/${planId}`)
      return { body: await response.json(), etag: response.headers.get("etag") ?? "" }
    }

    const content = {
      title: "Plani lokal i veprimit",
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
      objectives: [
        { code: "1", title: "Vetëdijesimi", pillar: "awareness-prevention" },
        { code: "2", title: "Mbrojtja e koordinuar", pillar: "protection-coordination" },
      ],
      activities: [
        {
          objective: "1",
          title: "Fushata në shkolla",
          responsible: institutions.education.id,
          quarters: [`${year}-Q1`],
        },
      ],
      indicators: [
        {
          objective: "1",
          title: "Banorë që dinë ku të raportojnë",
          unit: "percent",
          baseline: { value: 40, date: `${year}-01-15`, source: "Anketa bazë" },
          target: 70,
        },
      ],
    }

    it("drafts a plan and revises the draft with If-Match: ids kept, new activities made, institutions named", async () => {
      const created = await call("POST", "/v1/action-plans", { body: { ...content, mechanismId } })
      expect(created.status).toBe(201)
      const draft = await created.json()
      planId = draft.id
      const campaign = draft.activities[0]
      const indicator = draft.indicators[0]
      const revision = {
        ...content,
        title: "Plani lokal i veprimit (i rishikuar)",
        activities: [
          {
            id: campaign.id,
            objective: "1",
            title: campaign.title,
            responsible: institutions.education.id,
            partners: [institutions.police.id],
            quarters: [`${year}-Q1`],
            weight: 2,
          },
          {
            objective: "2",
            title: "Trajnim i përbashkët",
            responsible: institutions.socialWork.id,
            quarters: [`${year}-Q3`],
          },
        ],
        indicators: [{ id: indicator.id, ...content.indicators[0], target: 75 }],
      }
      const without = await call("PUT", `/v1/action-plans/${planId}`, { body: revision })
      expect(without.status).toBe(428)
      const stale = await call("PUT", `/v1/action-plans/${planId}`, { body: revision, ifMatch: '"9"' })
      expect(stale.status).toBe(412)
      const revised = await call("PUT", `/v1/action-plans/${planId}`, { body: revision, ifMatch: '"1"' })
      expect(revised.status).toBe(200)
      expect(revised.headers.get("etag")).toBe('"2"')
      const body = await revised.json()
      expect(body.title).toBe("Plani lokal i veprimit (i rishikuar)")
      expect(body.activities.map((activity: { id: string }) => activity.id)[0]).toBe(campaign.id)
      expect(body.activities).toHaveLength(2)
      expect(body.indicators[0]).toMatchObject({ id: indicator.id, target: 75 })
      for (const institution of [institutions.education, institutions.police, institutions.socialWork])
        expect(body.institutionNames[institution.id].en).toBe(institution.name.en)
      etag = revised.headers.get("etag") ?? ""
    })

    it("keeps the draft's previous content in its revision history, for the plan's readers", async () => {
      const history = await call("GET", `/v1/action-plans/${planId}/revisions`, { who: "nationalCoordinator" })
      expect(history.status).toBe(200)
      const revisions = await history.json()
      expect(revisions).toHaveLength(1)
      expect(revisions[0]).toMatchObject({
        planId,
        version: 1,
        previous: { title: content.title, indicators: [{ target: 70 }] },
      })
      expect(revisions[0].previous.activities).toHaveLength(1)
      expect(revisions[0].revisedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
      // The previous content names its institutions too.
      expect(revisions[0].institutionNames[institutions.education.id].en).toBe(institutions.education.name.en)
    })

    it("refuses a revision that breaks a rule, naming the field, and changes nothing", async () => {
      const before = await plan()
      const response = await call("PUT", `/v1/action-plans/${planId}`, {
        body: { ...content, indicators: [{ ...content.indicators[0], target: 130 }] },
        ifMatch: before.etag,
        locale: "en",
      })
      expect(response.status).toBe(422)
      const problem = await response.json()
      expect(problem).toMatchObject({ field: "indicators.0.target", rule: "action-plan.indicator.value-out-of-range" })
      expect(problem.detail).toContain("a percent at most 100")
      expect(await plan()).toEqual(before)
    })

    it("refuses any revision once the plan is adopted, with a localized problem, changing nothing", async () => {
      const adopted = await call("POST", `/v1/action-plans/${planId}/transitions`, {
        body: { command: "adopt" },
        ifMatch: etag,
      })
      expect(adopted.status).toBe(200)
      const before = await plan()
      const response = await call("PUT", `/v1/action-plans/${planId}`, {
        body: content,
        ifMatch: before.etag,
        locale: "sr-Cyrl",
      })
      expect(response.status).toBe(409)
      const problem = await response.json()
      expect(problem).toMatchObject({
        type: "https://bashke.org/problems/conflict",
        rule: "action-plan.plan.not-draft",
        // The first field this request changes in the adopted plan: its title (revised since).
        field: "title",
        location: "body",
      })
      expect(problem.detail).toBe(
        "План је усвојен: његов садржај се више не мења. Бележите напредак или израдите нови план.",
      )
      expect(await plan()).toEqual(before)

      // The adopted content given again with one target edited: the problem names that target.
      const { title, period, objectives, activities, indicators } = before.body
      const edited = await call("PUT", `/v1/action-plans/${planId}`, {
        body: {
          title,
          period,
          objectives,
          activities: activities.map(({ status: _status, ...activity }: Record<string, unknown>) => activity),
          indicators: indicators.map(
            ({ measurements: _m, endline: _e, ...indicator }: Record<string, unknown>, index: number) =>
              index === 0 ? { ...indicator, target: Number(indicator.target) + 1 } : indicator,
          ),
        },
        ifMatch: before.etag,
        locale: "en",
      })
      expect(edited.status).toBe(409)
      expect(await edited.json()).toMatchObject({
        type: "https://bashke.org/problems/conflict",
        rule: "action-plan.plan.not-draft",
        field: "indicators.0.target",
        location: "body",
        detail: "The plan is adopted: its content no longer changes. Record progress, or draft a new plan.",
      })
      expect(await plan()).toEqual(before)
    })

    it("refuses a measurement outside its indicator's unit, naming the value; takes one that fits", async () => {
      const before = await plan()
      const indicator = before.body.indicators[0].id
      const path = `/v1/action-plans/${planId}/indicators/${indicator}/measurements`
      const outside = await call("POST", path, {
        body: { measurement: { value: 140, unit: "percent", date: `${year}-06-30`, source: "Anketa" } },
        ifMatch: before.etag,
      })
      expect(outside.status).toBe(422)
      expect(await outside.json()).toMatchObject({
        field: "measurement.value",
        rule: "action-plan.measurement.out-of-range",
      })
      const unit = await call("POST", path, {
        body: { measurement: { value: 14, unit: "count", date: `${year}-06-30`, source: "Anketa" } },
        ifMatch: before.etag,
      })
      expect(unit.status).toBe(422)
      expect((await unit.json()).field).toBe("measurement.unit")
      expect(await plan()).toEqual(before)
      const fits = await call("POST", path, {
        body: { measurement: { value: 55, unit: "percent", date: `${year}-06-30`, source: "Anketa" } },
        ifMatch: before.etag,
      })
      expect(fits.status).toBe(201)
    })

    it("reports the implementation level overall, by pillar and by quarter, moving as activities complete", async () => {
      const reportPath = `/v1/action-plans/${planId}/report?from=${year}-01-01&to=${year}-12-31&asOf=${year}-12-31`
      const before = await (await call("GET", reportPath, { who: "nationalCoordinator" })).json()
      expect(before.implementation).toMatchObject({ dueWeight: 3, completedWeight: 0, level: 0 })
      expect(before.byPillar.map((line: { pillar: string }) => line.pillar)).toEqual([
        "awareness-prevention",
        "protection-coordination",
        "empowerment-reintegration",
      ])
      expect(before.byQuarter.map((line: { quarter: string }) => line.quarter)).toEqual([
        `${year}-Q1`,
        `${year}-Q2`,
        `${year}-Q3`,
        `${year}-Q4`,
      ])
      // From 40 toward 75: 55 is 15 of the 35 points.
      expect(before.indicators[0]).toMatchObject({ baseline: 40, target: 75, latest: 55 })
      expect(before.indicators[0].progress).toBeCloseTo(15 / 35)

      const current = await plan()
      const campaign = current.body.activities[0].id
      const done = await call("PUT", `/v1/action-plans/${planId}/activities/${campaign}/status`, {
        body: { status: "completed" },
        ifMatch: current.etag,
      })
      expect(done.status).toBe(200)
      const after = await (await call("GET", reportPath, { who: "teacher" })).json()
      expect(after.implementation).toMatchObject({ completedWeight: 2, level: 2 / 3 })
      expect(after.byPillar[0].implementation.level).toBe(1)
      expect(after.byPillar[1].implementation.level).toBe(0)
      expect(after.byPillar[2].implementation.level).toBeNull()
      expect(after.byQuarter[0].due.level).toBe(1)
      expect(after.byQuarter[0].cumulative.level).toBe(1)
      expect(after.byQuarter[2].cumulative.level).toBe(2 / 3)
      expect(after.byQuarter[3].cumulative).toEqual(after.implementation)
    })
  })
}
