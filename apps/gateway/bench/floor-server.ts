// The HTTP bench's two floors, each served by a process of its own (as the
// gateway is), on the same Hono and @hono/node-server as the gateway:
//
//   tsx bench/floor-server.ts constant
//     GET /constant answers a constant JSON body: what the machine can do at all;
//   tsx bench/floor-server.ts sql <sqlite file> <caseId>
//     GET /case reads the case with the gateway repository's own statements
//     (one per table, as SqlCaseRepository loads a case) and appends a chained
//     audit entry (head read, SHA-256, insert, head moved, one transaction),
//     with raw better-sqlite3 on the same file settings as the gateway (WAL,
//     synchronous NORMAL): the SQL work of an audited read, and nothing else.
//
// Prints `floor on <url>` once listening on a free port.
import { createHash, randomUUID } from "node:crypto"
import { serve } from "@hono/node-server"
import Database from "better-sqlite3"
import { Hono } from "hono"

const [mode, file, caseId] = process.argv.slice(2)
const app = new Hono()

if (mode === "constant") {
  app.get("/constant", (c) => c.json({ ok: true, service: "bashke" }))
} else if (mode === "sql" && file !== undefined && caseId !== undefined) {
  const db = new Database(file)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  db.pragma("foreign_keys = ON")
  db.pragma("busy_timeout = 5000")
  const statements = {
    cases: db.prepare("SELECT * FROM cases WHERE id IN (?)"),
    team: db.prepare(
      "SELECT case_id, institution_id, sector, access FROM case_team_members WHERE case_id IN (?) ORDER BY position",
    ),
    persons: db.prepare(
      `SELECT id, case_id, role, sex, birth_year, age_band, community, disabilities,
        relationship_kind, relationship_time FROM persons WHERE case_id IN (?) ORDER BY id`,
    ),
    incidents: db.prepare("SELECT * FROM incidents WHERE case_id IN (?) ORDER BY occurred_on, id"),
    assessments: db.prepare("SELECT * FROM risk_assessments WHERE case_id IN (?) ORDER BY assessed_at, id"),
    orders: db.prepare("SELECT * FROM protection_orders WHERE case_id IN (?) ORDER BY id"),
    orderEvents: db.prepare(
      `SELECT order_id, event, at, until_at, reported_by, recorded_at FROM protection_order_events
        WHERE case_id IN (?) ORDER BY order_id, seq`,
    ),
    measures: db.prepare("SELECT * FROM safety_plan_measures WHERE case_id IN (?) ORDER BY id"),
    consents: db.prepare("SELECT * FROM consents WHERE case_id IN (?) ORDER BY id"),
  }
  const head = db.prepare("SELECT seq, hash FROM audit_head WHERE id = 1")
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, id, at, principal_id, institution_id, mechanism_id, case_id, person_id,
      action, purpose, reason, break_glass, prev_hash, hash)
     VALUES (@seq, @id, @at, @principal_id, @institution_id, @mechanism_id, @case_id, NULL,
      'read', 'case-management', NULL, 0, @prev_hash, @hash)`,
  )
  const moveHead = db.prepare("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")
  const audited = db.transaction((row: { id: string; mechanism_id: string }) => {
    const last = head.get() as { seq: number; hash: string }
    const entry = {
      seq: last.seq + 1,
      id: randomUUID(),
      at: new Date().toISOString(),
      principal_id: "floor",
      institution_id: "floor",
      mechanism_id: row.mechanism_id,
      case_id: row.id,
    }
    const hash = createHash("sha256")
      .update(`${last.hash}\n${JSON.stringify(entry)}`)
      .digest("hex")
    insert.run({ ...entry, prev_hash: last.hash, hash })
    moveHead.run(entry.seq, hash)
  })

  app.get("/case", (c) => {
    const row = statements.cases.get(caseId) as { id: string; mechanism_id: string } | undefined
    if (row === undefined) return c.json({ error: "not found" }, 404)
    const body = {
      case: row,
      team: statements.team.all(caseId),
      persons: statements.persons.all(caseId),
      incidents: statements.incidents.all(caseId),
      assessments: statements.assessments.all(caseId),
      orders: statements.orders.all(caseId),
      orderEvents: statements.orderEvents.all(caseId),
      measures: statements.measures.all(caseId),
      consents: statements.consents.all(caseId),
    }
    audited(row)
    return c.json(body)
  })
} else {
  console.error("usage: floor-server.ts constant | sql <sqlite file> <caseId>")
  process.exit(2)
}

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`floor on http://127.0.0.1:${info.port}\n`)
})
const stop = () => server.close(() => process.exit(0))
process.on("SIGTERM", stop)
process.on("SIGINT", stop)
