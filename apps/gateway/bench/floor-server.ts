// The HTTP bench's floors, each served by a process of its own (as the
// gateway is), on the same Hono and @hono/node-server as the gateway:
//
//   tsx bench/floor-server.ts constant
//     GET /constant answers a constant JSON body: what the machine can do at all;
//   tsx bench/floor-server.ts sql <sqlite file> <caseId> <personId> <token>
//     two floors by hand with raw better-sqlite3 on the same file, with the
//     gateway's file settings (WAL, synchronous NORMAL), the plainest way to
//     give the gateway's answers (issue 19's floors):
//     GET /case — the bearer token looked up (SHA-256, its row, its person
//       still active), then the case in ONE statement that builds the answer's
//       JSON in SQL (every part a subquery on its `case_id` index), parsed
//       once to drop the absent (null) keys: the same answer as
//       GET /v1/cases/:caseId (the bench compares the two bodies);
//     POST /details — the same token look-up, the person's sealed columns,
//       an AES-256-GCM decrypt per sealed field present, and a chained audit
//       entry (head read, SHA-256, insert, head moved, one transaction).
//
// Prints `floor on <url>` once listening on a free port.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from "node:crypto"
import { serve } from "@hono/node-server"
import Database from "better-sqlite3"
import { Hono } from "hono"

const [mode, file, caseId, personId, token] = process.argv.slice(2)
const app = new Hono()

/** A JSON object of `pairs` (answer key → SQL expression); a null value is dropped when parsed. */
const object = (pairs: Record<string, string>) =>
  `json_object(${Object.entries(pairs)
    .map(([key, value]) => `'${key}', ${value}`)
    .join(", ")})`
/** The rows of `from` as a JSON array of `element`, in `order`. */
const array = (element: string, from: string, order: string) =>
  `(SELECT coalesce(json_group_array(json(e)), json('[]')) FROM (SELECT ${element} AS e FROM ${from} ORDER BY ${order}))`

// The answer of GET /v1/cases/:caseId, in one statement.
const caseAnswer = `SELECT ${object({
  id: "c.id",
  mechanismId: "c.mechanism_id",
  reference: "c.reference",
  status: "c.status",
  closure: `CASE WHEN c.closed_at IS NULL THEN NULL ELSE json(${object({ closedAt: "c.closed_at", reason: "c.closure_reason" })}) END`,
  team: `json(${object({
    lead: "c.lead_institution",
    members: array(
      object({ institution: "institution_id", sector: "sector", access: "access" }),
      "case_team_members WHERE case_id = c.id",
      "position",
    ),
  })})`,
  persons: array(
    object({
      id: "id",
      role: "role",
      sex: "sex",
      birthYear: "birth_year",
      ageBand: "age_band",
      community: "community",
      disabilities: "json(disabilities)",
      relationship: `CASE WHEN relationship_kind IS NULL OR relationship_time IS NULL THEN NULL
        ELSE json(${object({ kind: "relationship_kind", time: "relationship_time" })}) END`,
    }),
    "persons WHERE case_id = c.id",
    "id",
  ),
  incidents: array(
    object({
      id: "id",
      occurredOn: "occurred_on",
      municipality: "municipality",
      place: "place",
      forms: "json(forms)",
      children: "children",
      perpetrators: "json(perpetrators)",
      source: "source",
      sourceInstitution: "source_institution",
      sourceReference: "source_reference",
      recordedAt: "recorded_at",
    }),
    "incidents WHERE case_id = c.id",
    "occurred_on, id",
  ),
  assessments: array(
    object({
      id: "id",
      instrument: `json(${object({ id: "instrument_id", version: "instrument_version" })})`,
      answers: "json(answers)",
      score: "score",
      computedLevel: "computed_level",
      judgement: `CASE WHEN judgement_level IS NULL OR judgement_reason IS NULL THEN NULL
        ELSE json(${object({ level: "judgement_level", reason: "judgement_reason" })}) END`,
      level: "level",
      assessedAt: "assessed_at",
      assessedBy: "assessed_by",
      reassessOn: "reassess_on",
    }),
    "risk_assessments WHERE case_id = c.id",
    "assessed_at, id",
  ),
  orders: array(
    object({
      id: "o.id",
      kind: "o.kind",
      petitioner: "o.petitioner",
      status: "o.status",
      requestedAt: "o.requested_at",
      decidedAt: "o.decided_at",
      issuedAt: "o.issued_at",
      expiresAt: "o.expires_at",
      conditions: "json(o.conditions)",
      extensions: array(
        object({ at: "at", until: "until_at" }),
        "protection_order_events WHERE order_id = o.id AND event = 'extended' AND until_at IS NOT NULL",
        "seq",
      ),
      breaches: array(
        object({ at: "at", reportedBy: "reported_by" }),
        "protection_order_events WHERE order_id = o.id AND event = 'breach-recorded'",
        "seq",
      ),
      hearings: array(
        object({ at: "hearing_at", scheduledAt: "scheduled_at", court: "court" }),
        "protection_order_hearings WHERE order_id = o.id",
        "seq",
      ),
    }),
    "protection_orders o WHERE o.case_id = c.id",
    "o.id",
  ),
  safetyPlan: `json(${object({
    measures: array(
      object({ id: "id", kind: "kind", owner: "owner_institution", reviewOn: "review_on", status: "status" }),
      "safety_plan_measures WHERE case_id = c.id",
      "id",
    ),
  })})`,
  consents: array(
    object({
      id: "id",
      givenBy: "given_by",
      institutions: "json(institutions)",
      sectors: "json(sectors)",
      purposes: "json(purposes)",
      from: "valid_from",
      until: "valid_until",
      withdrawnAt: "withdrawn_at",
      recording: `CASE WHEN method IS NULL OR taken_by IS NULL OR recorded_by IS NULL OR recorded_for IS NULL THEN NULL
        ELSE json(${object({ method: "method", takenBy: "taken_by", recordedBy: "recorded_by", recordedFor: "recorded_for", witnessedBy: "witnessed_by" })}) END`,
      needsConfirmation: "json(CASE WHEN needs_confirmation = 1 THEN 'true' ELSE 'false' END)",
      confirmation: `CASE WHEN confirmed_by IS NULL OR confirmed_at IS NULL THEN NULL
        ELSE json(${object({ confirmedBy: "confirmed_by", confirmedFor: "confirmed_for", confirmedAt: "confirmed_at" })}) END`,
    }),
    "consents WHERE case_id = c.id",
    "id",
  ),
  openedAt: "c.opened_at",
  lastReviewedAt: "c.last_reviewed_at",
  erasedAt: "c.erased_at",
  version: "c.version",
})} AS answer FROM cases c WHERE c.id = ?`

/** JSON text with its null members dropped (the answer leaves an absent field out). */
const withoutNulls = (text: string): unknown => JSON.parse(text, (_key, value) => (value === null ? undefined : value))

if (mode === "constant") {
  app.get("/constant", (c) => c.json({ ok: true, service: "bashke" }))
} else if (
  mode === "sql" &&
  file !== undefined &&
  caseId !== undefined &&
  personId !== undefined &&
  token !== undefined
) {
  const db = new Database(file)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  db.pragma("foreign_keys = ON")
  db.pragma("busy_timeout = 5000")
  const tokenRow = db.prepare(
    "SELECT principal, expires_at FROM gateway_api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
  )
  const personActive = db.prepare("SELECT active FROM identity_people WHERE id = ?")
  /** The token's principal id, or undefined: the look-up every request of the gateway makes. */
  const authenticate = (authorization: string | undefined): string | undefined => {
    const presented = authorization?.startsWith("Bearer ") === true ? authorization.slice(7) : undefined
    if (presented === undefined) return undefined
    const row = tokenRow.get(createHash("sha256").update(presented).digest("hex")) as
      | { principal: string; expires_at: string | null }
      | undefined
    if (row === undefined || row.expires_at === null || Date.parse(row.expires_at) <= Date.now()) return undefined
    const principal = JSON.parse(row.principal) as { id: string }
    const person = personActive.get(principal.id) as { active: number } | undefined
    return person === undefined || person.active === 1 ? principal.id : undefined
  }
  const theCase = db.prepare(caseAnswer).pluck()
  app.get("/case", (c) => {
    if (authenticate(c.req.header("authorization")) === undefined) return c.json({ error: "unauthenticated" }, 401)
    const answer = theCase.get(caseId) as string | undefined
    if (answer === undefined) return c.json({ error: "not found" }, 404)
    return c.json(withoutNulls(answer) as object)
  })

  // The sealed fields, and one AES-256-GCM key and sealed value to open per field present.
  const sealed = db.prepare(
    `SELECT p.given_name, p.family_name, p.personal_number, p.birth_date, p.address, p.phone, p.safe_contact,
      c.mechanism_id FROM persons p JOIN cases c ON c.id = p.case_id WHERE p.id = ? AND p.case_id = ?`,
  )
  const key = randomBytes(32)
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const ciphertext = Buffer.concat([cipher.update("Drita Krasniqi, rr. Nëna Terezë 12"), cipher.final()])
  const tag = cipher.getAuthTag()
  const open = (): string => {
    const decipher = createDecipheriv("aes-256-gcm", key, iv)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8")
  }
  const head = db.prepare("SELECT seq, hash FROM audit_head WHERE id = 1")
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, id, at, principal_id, institution_id, mechanism_id, case_id, person_id,
      action, purpose, reason, break_glass, prev_hash, hash)
     VALUES (@seq, @id, @at, @principal_id, @institution_id, @mechanism_id, @case_id, NULL,
      'read', 'case-management', NULL, 0, @prev_hash, @hash)`,
  )
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
    // The insert moves the head (its trigger, security migration 3), as the gateway's does.
    insert.run({ ...entry, prev_hash: last.hash, hash })
  })

  app.post("/details", async (c) => {
    const principal = authenticate(c.req.header("authorization"))
    if (principal === undefined) return c.json({ error: "unauthenticated" }, 401)
    await c.req.json()
    const row = sealed.get(personId, caseId) as Record<string, string | null> | undefined
    if (row === undefined) return c.json({ error: "not found" }, 404)
    const details: Record<string, string> = {}
    for (const [column, value] of Object.entries(row))
      if (column !== "mechanism_id" && value !== null) details[column] = open()
    audited.immediate({ id: caseId, mechanism_id: row.mechanism_id as string })
    return c.json(details)
  })
} else {
  console.error("usage: floor-server.ts constant | sql <sqlite file> <caseId> <personId> <token>")
  process.exit(2)
}

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`floor on http://127.0.0.1:${info.port}\n`)
})
const stop = () => server.close(() => process.exit(0))
process.on("SIGTERM", stop)
process.on("SIGINT", stop)
