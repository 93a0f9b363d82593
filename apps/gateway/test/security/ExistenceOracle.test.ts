// Finding 6 of the outside review: to a caller outside a mechanism, an id of
// that mechanism answered 403 and an unknown id 404, on cases, summaries,
// details, meetings, minutes, referrals, action items and plans: an existence
// oracle. Now both answer the same 404 problem. For each kind of id, the test
// asks many times for an id of the demo mechanism and for an id that exists
// nowhere, as a worker of another mechanism, and compares the status, the
// problem's shape and `type`, and the work each answer took: the names of the
// spans the request opened, every SQL statement among them (`sql.execute`,
// with the statement's text). Time itself is not compared: on a shared machine
// it measures the machine; the same statements and steps cost the same on any
// machine, and a difference of kind (a decrypt, an extra read once the row is
// found) shows as another span. A member of the mechanism who lacks the permission still
// gets 403: that tells them nothing they may not know.
import { Id } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Tracer } from "effect"
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

// Every span a request opens, by name, and every SQL statement by its text
// (`@effect/sql` names it in the `db.query.text` attribute of its span).
const opened: Array<string> = []
const counting: Tracer.Tracer = Effect.runSync(
  Effect.map(Effect.tracer, (base) =>
    Tracer.make({
      span: (name, parent, context, links, startTime, kind, options) => {
        const span = base.span(name, parent, context, links, startTime, kind, options)
        opened.push(name)
        const attribute = span.attribute.bind(span)
        span.attribute = (key, value) => {
          if (key === "db.query.text") opened.push(`sql: ${String(value)}`)
          attribute(key, value)
        }
        return span
      },
      context: base.context,
    }),
  ),
)

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
      gateway = await makeGateway(db, {}, {}, counting)
      seeded = await gateway.runtime.runPromise(seed)
      stranger = await gateway.tokenFor({
        ...principal("shelterWorker", seeded.mechanismId),
        id: "01KZZZZZZZZZZZZZZZZZZZZZZ1" as Id.PrincipalId,
        // A shelter of another mechanism: its own institution, which is no
        // party to the demo's referrals (a party may know its own referral
        // exists, and its read then asks who the mechanism's members are).
        institution: "01KZZZZZZZZZZZZZZZZZZZZZZ3" as Id.InstitutionId,
        mechanisms: ["01KZZZZZZZZZZZZZZZZZZZZZZ2" as Id.MechanismId],
      })
      teacher = await gateway.tokenFor(principal("teacher", seeded.mechanismId))
    })
    afterAll(() => gateway.close())

    const call = async (token: string, probe: Probe, id: string) => {
      const request = probe.request(id, seeded)
      opened.length = 0
      const response = await gateway.request(request.method, request.path, {
        token,
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(request.ifMatch === undefined ? {} : { ifMatch: request.ifMatch }),
      })
      const text = await response.text()
      expect(leaked(text)).toEqual([])
      return { shape: shapeOf(response.status, JSON.parse(text)), work: [...opened].sort().join("\n") }
    }

    for (const probe of probes) {
      it(`${probe.kind}: the same 404 problem, after the same work`, async () => {
        const existing = { shapes: new Set<string>(), work: new Set<string>() }
        const missing = { shapes: new Set<string>(), work: new Set<string>() }
        // Interleaved; the first pair warms what is kept between requests (the
        // token's principal, the roster), so its work is not compared.
        for (let i = 0; i < tries; i++) {
          const a = await call(stranger, probe, probe.existing(seeded))
          existing.shapes.add(JSON.stringify(a.shape))
          if (i > 0) existing.work.add(a.work)
          const b = await call(stranger, probe, unknownId())
          missing.shapes.add(JSON.stringify(b.shape))
          if (i > 0) missing.work.add(b.work)
        }
        expect([...existing.shapes]).toEqual([...missing.shapes])
        expect(existing.shapes.size).toBe(1)
        expect(JSON.parse([...existing.shapes][0] as string)).toMatchObject({
          status: 404,
          type: "https://bashke.org/problems/not-found",
        })
        if (process.env.SHOW_WORK) console.log("WORK", db.name, probe.kind, [...existing.work], [...missing.work])
        expect([...existing.work]).toEqual([...missing.work])
        expect(existing.work.size).toBe(1)
        // Work was seen at all (the tracer reached): not two empty lists.
        expect([...existing.work][0]).toContain("sql: ")
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
