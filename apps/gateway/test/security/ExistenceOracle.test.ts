// Finding 6 of the outside review: to a caller outside a mechanism, an id of
// that mechanism answered 403 and an unknown id 404, on cases, summaries,
// details, meetings, minutes, referrals, action items and plans: an existence
// oracle. Now both answer the same 404 problem. For each kind of id, the test
// asks many times for an id of the demo mechanism and for an id that exists
// nowhere, as a worker of another mechanism, and compares the status, the
// problem's shape and `type`, and the median time (within a generous bound: the
// machine is shared). A member of the mechanism who lacks the permission still
// gets 403: that tells them nothing they may not know.
import { Id } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { leaked } from "../support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const tries = 25

// An id no mechanism holds: made now, from fresh randomness.
const unknownId = () => Id.ulidAt(Date.now(), crypto.getRandomValues(new Uint8Array(10)))

interface Probe {
  readonly kind: string
  readonly request: (
    id: string,
    seeded: Seeded,
  ) => { readonly method: string; readonly path: string; readonly body?: unknown; readonly ifMatch?: string }
  readonly existing: (seeded: Seeded) => string
}

const demo = <A>(value: A | undefined): A => {
  if (value === undefined) throw new Error("the demo seeds it")
  return value
}

const probes: ReadonlyArray<Probe> = [
  {
    kind: "case",
    existing: (s) => demo(s.cases).highRisk.caseId,
    request: (id) => ({ method: "GET", path: `/v1/cases/${id}` }),
  },
  {
    kind: "case summary",
    existing: (s) => demo(s.cases).highRisk.caseId,
    request: (id) => ({ method: "GET", path: `/v1/cases/${id}/summary` }),
  },
  {
    kind: "personal details",
    existing: (s) => demo(s.cases).highRisk.caseId,
    request: (id, s) => ({
      method: "POST",
      path: `/v1/cases/${id}/persons/${demo(s.cases).highRisk.victim}/details/read`,
      body: { purpose: "case-management" },
    }),
  },
  {
    kind: "meeting",
    existing: (s) => demo(s.meetings).held[0],
    request: (id) => ({ method: "GET", path: `/v1/meetings/${id}` }),
  },
  {
    kind: "minutes",
    existing: (s) => demo(s.meetings).held[0],
    request: (id) => ({ method: "POST", path: `/v1/meetings/${id}/minutes/read` }),
  },
  {
    kind: "referral",
    existing: (s) => demo(s.referrals).accepted,
    request: (id) => ({ method: "GET", path: `/v1/referrals/${id}` }),
  },
  {
    kind: "action item",
    existing: (s) => demo(s.meetings).actionItems.overdue.actionItemId,
    request: (id) => ({
      method: "POST",
      path: `/v1/action-items/${id}/closure`,
      body: { status: "done" },
      ifMatch: '"1"',
    }),
  },
  {
    kind: "action plan",
    existing: (s) => demo(s.actionPlan).planId,
    request: (id) => ({ method: "GET", path: `/v1/action-plans/${id}` }),
  },
]

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

// What a client can tell apart: the status, the problem's keys and its `type`.
const shapeOf = (status: number, body: Record<string, unknown>) => ({
  status,
  keys: Object.keys(body).sort(),
  type: body.type,
  title: body.title,
  rule: body.rule,
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: ids of another mechanism cannot be told from unknown ids`, () => {
    let gateway: Gateway
    let seeded: Seeded
    let stranger: string
    let teacher: string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      stranger = await gateway.tokenFor({
        ...principal("shelterWorker", seeded.mechanismId),
        id: "01KZZZZZZZZZZZZZZZZZZZZZZ1" as Id.PrincipalId,
        mechanisms: ["01KZZZZZZZZZZZZZZZZZZZZZZ2" as Id.MechanismId],
      })
      teacher = await gateway.tokenFor(principal("teacher", seeded.mechanismId))
    })
    afterAll(() => gateway.close())

    const call = async (token: string, probe: Probe, id: string) => {
      const request = probe.request(id, seeded)
      const started = performance.now()
      const response = await gateway.request(request.method, request.path, {
        token,
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(request.ifMatch === undefined ? {} : { ifMatch: request.ifMatch }),
      })
      const text = await response.text()
      const ms = performance.now() - started
      expect(leaked(text)).toEqual([])
      return { shape: shapeOf(response.status, JSON.parse(text)), ms }
    }

    for (const probe of probes) {
      it(`${probe.kind}: the same 404 problem, in about the same time`, async () => {
        const existing = { shapes: new Set<string>(), ms: [] as Array<number> }
        const missing = { shapes: new Set<string>(), ms: [] as Array<number> }
        // Interleaved, so a slow spell of the machine weighs on both alike.
        for (let i = 0; i < tries; i++) {
          const a = await call(stranger, probe, probe.existing(seeded))
          existing.shapes.add(JSON.stringify(a.shape))
          existing.ms.push(a.ms)
          const b = await call(stranger, probe, unknownId())
          missing.shapes.add(JSON.stringify(b.shape))
          missing.ms.push(b.ms)
        }
        expect([...existing.shapes]).toEqual([...missing.shapes])
        expect(existing.shapes.size).toBe(1)
        expect(JSON.parse([...existing.shapes][0] as string)).toMatchObject({
          status: 404,
          type: "https://bashke.org/problems/not-found",
        })
        if (process.env.SHOW_TIMES) console.log("TIMES", db.name, probe.kind, median(existing.ms), median(missing.ms))
        const [slow, fast] = [median(existing.ms), median(missing.ms)].sort((x, y) => y - x) as [number, number]
        // Generous: a shared machine; what must not show is a difference of kind.
        expect(slow).toBeLessThan(fast * 3 + 15)
      })
    }

    it("a member of the mechanism without the permission still gets 403, not 404", async () => {
      const response = await gateway.request("GET", `/v1/cases/${demo(seeded.cases).highRisk.caseId}`, {
        token: teacher,
      })
      expect(response.status).toBe(403)
    })
  })
}
