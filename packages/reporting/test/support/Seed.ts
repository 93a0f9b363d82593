// Rows written straight into the case, referral and meeting packages' real
// tables, in the form their repositories write them (ISO instants, JSON lists
// of codes), and the worked example: two mechanisms' year 2025.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export const mechanisms = { gjilan: "01JM000000000000000000000A", prishtina: "01JM000000000000000000000B" } as const

export interface CaseRow {
  readonly id: string
  readonly mechanismId: string
  readonly municipality: string
  readonly year: number
  readonly openedAt: string
  readonly victim: { readonly sex: string; readonly birthYear?: number; readonly ageBand?: string }
  readonly perpetrators?: ReadonlyArray<{
    readonly sex: string
    readonly birthYear?: number
    readonly ageBand?: string
    readonly relationship: string
    readonly time: "current" | "former"
  }>
  readonly incidents?: ReadonlyArray<{
    readonly forms: ReadonlyArray<string>
    readonly children: string
    readonly place?: string
  }>
  readonly consent?: { readonly purposes: ReadonlyArray<string>; readonly withdrawnAt?: string }
}

let sequence = 0

const raw = Effect.map(SqlClient.SqlClient, (sql) => sql.withoutTransforms())

export const insertCase = (row: CaseRow) =>
  Effect.gen(function* () {
    const sql = yield* raw
    sequence += 1
    yield* sql`INSERT INTO cases ${sql.insert({
      id: row.id,
      mechanism_id: row.mechanismId,
      reference: `${row.municipality}-${row.year}-${String(sequence).padStart(4, "0")}`,
      municipality: row.municipality,
      year: row.year,
      sequence,
      lead_institution: "01JB0000000000000000000001",
      status: "open",
      opened_at: row.openedAt,
      version: 1,
    })}`
    const person = (
      id: string,
      role: string,
      p: { sex: string; birthYear?: number; ageBand?: string },
      rel?: { relationship: string; time: string },
    ) =>
      sql`INSERT INTO persons ${sql.insert({
        id,
        case_id: row.id,
        role,
        sex: p.sex,
        birth_year: p.birthYear ?? null,
        age_band: p.ageBand ?? null,
        disabilities: "[]",
        relationship_kind: rel?.relationship ?? null,
        relationship_time: rel?.time ?? null,
        created_at: row.openedAt,
        version: 1,
      })}`
    yield* person(`${row.id}-v`, "victim", row.victim)
    for (const [i, p] of (row.perpetrators ?? []).entries())
      yield* person(`${row.id}-p${i}`, "alleged-perpetrator", p, { relationship: p.relationship, time: p.time })
    for (const [i, incident] of (row.incidents ?? []).entries())
      yield* sql`INSERT INTO incidents ${sql.insert({
        id: `${row.id}-i${i}`,
        case_id: row.id,
        occurred_on: row.openedAt.slice(0, 10),
        municipality: row.municipality,
        place: incident.place ?? null,
        forms: JSON.stringify(incident.forms),
        children: incident.children,
        perpetrators: "[]",
        source: "police-report",
        recorded_at: row.openedAt,
        version: 1,
      })}`
    if (row.consent !== undefined)
      yield* sql`INSERT INTO consents ${sql.insert({
        id: `${row.id}-k`,
        case_id: row.id,
        given_by: `${row.id}-v`,
        institutions: "[]",
        sectors: JSON.stringify(["social-work"]),
        purposes: JSON.stringify(row.consent.purposes),
        valid_from: row.openedAt,
        withdrawn_at: row.consent.withdrawnAt ?? null,
        version: 1,
      })}`
  }).pipe(Effect.orDie)

export const insertOrder = (order: {
  readonly id: string
  readonly caseId: string
  readonly kind: string
  readonly status: string
  readonly requestedAt?: string
  readonly decidedAt?: string
  readonly issuedAt?: string
  readonly events?: ReadonlyArray<{ readonly event: string; readonly at: string }>
}) =>
  Effect.gen(function* () {
    const sql = yield* raw
    yield* sql`INSERT INTO protection_orders ${sql.insert({
      id: order.id,
      case_id: order.caseId,
      kind: order.kind,
      petitioner: "victim",
      status: order.status,
      requested_at: order.requestedAt ?? null,
      decided_at: order.decidedAt ?? null,
      issued_at: order.issuedAt ?? null,
      expires_at: null,
      version: 1,
    })}`
    for (const [i, e] of (order.events ?? []).entries())
      yield* sql`INSERT INTO protection_order_events ${sql.insert({
        order_id: order.id,
        seq: i + 1,
        case_id: order.caseId,
        event: e.event,
        at: e.at,
        recorded_at: e.at,
      })}`
  }).pipe(Effect.orDie)

export const insertService = (id: string, type: string, municipality: string) =>
  Effect.gen(function* () {
    const sql = yield* raw
    yield* sql`INSERT INTO referral_organizations (institution_id, name)
      SELECT ${"01JB0000000000000000000002"}, ${"Provider"}
      WHERE NOT EXISTS (SELECT 1 FROM referral_organizations)`
    yield* sql`INSERT INTO referral_services ${sql.insert({
      id,
      institution_id: "01JB0000000000000000000002",
      name: "Service",
      type,
      municipality,
      languages: JSON.stringify(["sq"]),
      locations: "[]",
      active: 1,
    })}`
  }).pipe(Effect.orDie)

export const insertReferral = (referral: {
  readonly id: string
  readonly caseId: string
  readonly mechanismId: string
  readonly serviceId: string
  readonly status: string
  readonly steps: ReadonlyArray<{ readonly status: string; readonly at: string }>
}) =>
  Effect.gen(function* () {
    const sql = yield* raw
    yield* sql`INSERT INTO referrals ${sql.insert({
      id: referral.id,
      mechanism_id: referral.mechanismId,
      case_id: referral.caseId,
      from_institution: "01JB0000000000000000000001",
      to_institution: "01JB0000000000000000000002",
      service_id: referral.serviceId,
      reason: "needs-shelter",
      urgency: "standard",
      consent_id: `${referral.caseId}-k`,
      status: referral.status,
      sent_at: referral.steps[0]!.at,
      version: 1,
    })}`
    for (const [i, step] of referral.steps.entries())
      yield* sql`INSERT INTO referral_steps ${sql.insert({
        referral_id: referral.id,
        seq: i + 1,
        status: step.status,
        at: step.at,
        principal_id: "01JP0000000000000000000001",
        institution_id: "01JB0000000000000000000002",
      })}`
  }).pipe(Effect.orDie)

export const insertMeeting = (meeting: {
  readonly id: string
  readonly mechanismId: string
  readonly kind: "regular" | "ad-hoc"
  readonly status: string
  readonly startsAt: string
}) =>
  Effect.gen(function* () {
    const sql = yield* raw
    yield* sql`INSERT INTO meeting_meetings ${sql.insert({
      id: meeting.id,
      mechanism_id: meeting.mechanismId,
      kind: meeting.kind,
      status: meeting.status,
      starts_at: meeting.startsAt,
      sequence: 1,
      version: 1,
      created_at: meeting.startsAt,
      updated_at: meeting.startsAt,
    })}`
  }).pipe(Effect.orDie)

/**
 * The worked example: Gjilan's and Prishtina's mechanisms, 2025. Six cases in
 * 2025 (one opened at 00:30 local time on 1 January, still 31 December in
 * UTC) and one in 2026 (00:30 local time on 1 January 2026); orders,
 * referrals and meetings. The expected tables are written out in
 * `WorkedExample.test.ts`.
 */
export const workedExample = Effect.gen(function* () {
  const { gjilan, prishtina } = mechanisms
  yield* insertCase({
    id: "c1",
    mechanismId: gjilan,
    municipality: "GJI",
    year: 2025,
    openedAt: "2025-03-01T09:00:00.000Z",
    victim: { sex: "female", birthYear: 1990 },
    perpetrators: [{ sex: "male", birthYear: 1988, relationship: "married", time: "current" }],
    incidents: [{ forms: ["physical", "psychological"], children: "witnessed", place: "home" }],
    consent: { purposes: ["case-management", "statistics"] },
  })
  yield* insertCase({
    id: "c2",
    mechanismId: gjilan,
    municipality: "GJI",
    year: 2025,
    openedAt: "2025-04-01T09:00:00.000Z",
    victim: { sex: "female", ageBand: "25-34" },
    perpetrators: [{ sex: "male", birthYear: 1970, relationship: "relative-blood", time: "current" }],
    incidents: [{ forms: ["psychological"], children: "none", place: "home" }],
    consent: { purposes: ["case-management"] },
  })
  yield* insertCase({
    id: "c3",
    mechanismId: gjilan,
    municipality: "GJI",
    year: 2025,
    openedAt: "2025-06-01T07:00:00.000Z",
    victim: { sex: "male", birthYear: 2010 },
    perpetrators: [{ sex: "female", birthYear: 1980, relationship: "in-law", time: "current" }],
    incidents: [{ forms: ["physical"], children: "present", place: "school" }],
    consent: { purposes: ["statistics"], withdrawnAt: "2025-08-01T10:00:00.000Z" },
  })
  yield* insertCase({
    id: "c4",
    mechanismId: prishtina,
    municipality: "PRI",
    year: 2025,
    openedAt: "2025-05-01T07:00:00.000Z",
    victim: { sex: "female" },
    perpetrators: [{ sex: "male", birthYear: 1999, relationship: "extramarital-union", time: "former" }],
    incidents: [
      { forms: ["economic"], children: "none", place: "home" },
      { forms: ["sexual", "physical"], children: "witnessed", place: "public-space" },
    ],
    consent: { purposes: ["case-management", "statistics"] },
  })
  yield* insertCase({
    id: "c5",
    mechanismId: prishtina,
    municipality: "PRI",
    year: 2025,
    openedAt: "2025-09-01T07:00:00.000Z",
    victim: { sex: "female", birthYear: 1960 },
  })
  yield* insertCase({
    id: "c6",
    mechanismId: gjilan,
    municipality: "GJI",
    year: 2025,
    openedAt: "2024-12-31T23:30:00.000Z",
    victim: { sex: "female", birthYear: 1995 },
    perpetrators: [{ sex: "male", ageBand: "18-24", relationship: "married", time: "current" }],
    incidents: [{ forms: ["physical"], children: "none" }],
  })
  yield* insertCase({
    id: "c7",
    mechanismId: gjilan,
    municipality: "GJI",
    year: 2026,
    openedAt: "2025-12-31T23:30:00.000Z",
    victim: { sex: "female", birthYear: 1991 },
    perpetrators: [{ sex: "male", birthYear: 1990, relationship: "married", time: "current" }],
    incidents: [{ forms: ["sexual"], children: "witnessed" }],
    consent: { purposes: ["statistics"] },
  })

  yield* insertOrder({
    id: "o1",
    caseId: "c1",
    kind: "protection-order",
    status: "issued",
    requestedAt: "2025-03-01T10:00:00.000Z",
    decidedAt: "2025-03-10T10:00:00.000Z",
    issuedAt: "2025-03-10T10:00:00.000Z",
    events: [
      { event: "requested", at: "2025-03-01T10:00:00.000Z" },
      { event: "issued", at: "2025-03-10T10:00:00.000Z" },
      { event: "breach-recorded", at: "2025-05-01T20:00:00.000Z" },
    ],
  })
  yield* insertOrder({
    id: "o2",
    caseId: "c4",
    kind: "emergency-protection-order",
    status: "issued",
    issuedAt: "2025-06-01T10:00:00.000Z",
    events: [{ event: "issued", at: "2025-06-01T10:00:00.000Z" }],
  })
  yield* insertOrder({
    id: "o3",
    caseId: "c3",
    kind: "protection-order",
    status: "rejected",
    requestedAt: "2025-07-01T10:00:00.000Z",
    decidedAt: "2025-07-05T10:00:00.000Z",
    events: [
      { event: "requested", at: "2025-07-01T10:00:00.000Z" },
      { event: "rejected", at: "2025-07-05T10:00:00.000Z" },
    ],
  })
  yield* insertOrder({
    id: "o4",
    caseId: "c6",
    kind: "temporary-emergency-protection-order",
    status: "issued",
    issuedAt: "2025-01-02T10:00:00.000Z",
    events: [{ event: "issued", at: "2025-01-02T10:00:00.000Z" }],
  })

  yield* insertService("s-shelter", "shelter", "GJI")
  yield* insertService("s-legal", "legal-aid", "PRI")
  yield* insertReferral({
    id: "r1",
    caseId: "c1",
    mechanismId: gjilan,
    serviceId: "s-shelter",
    status: "accepted",
    steps: [
      { status: "sent", at: "2025-03-01T10:00:00.000Z" },
      { status: "acknowledged", at: "2025-03-01T12:00:00.000Z" },
      { status: "accepted", at: "2025-03-01T16:00:00.000Z" },
    ],
  })
  yield* insertReferral({
    id: "r2",
    caseId: "c2",
    mechanismId: gjilan,
    serviceId: "s-shelter",
    status: "declined",
    steps: [
      { status: "sent", at: "2025-04-01T10:00:00.000Z" },
      { status: "acknowledged", at: "2025-04-01T14:00:00.000Z" },
      { status: "declined", at: "2025-04-01T20:00:00.000Z" },
    ],
  })
  yield* insertReferral({
    id: "r3",
    caseId: "c4",
    mechanismId: prishtina,
    serviceId: "s-legal",
    status: "sent",
    steps: [{ status: "sent", at: "2025-05-01T08:00:00.000Z" }],
  })
  yield* insertReferral({
    id: "r4",
    caseId: "c3",
    mechanismId: gjilan,
    serviceId: "s-legal",
    status: "accepted",
    steps: [
      { status: "sent", at: "2025-06-01T08:00:00.000Z" },
      { status: "accepted", at: "2025-06-02T08:00:00.000Z" },
    ],
  })

  const meeting = (id: string, mechanismId: string, kind: "regular" | "ad-hoc", status: string, startsAt: string) =>
    insertMeeting({ id, mechanismId, kind, status, startsAt })
  yield* meeting("g1", gjilan, "regular", "minutes-approved", "2025-02-10T09:00:00.000Z")
  yield* meeting("g2", gjilan, "regular", "held", "2025-05-12T09:00:00.000Z")
  yield* meeting("g3", gjilan, "regular", "minutes-drafted", "2025-09-15T09:00:00.000Z")
  yield* meeting("g4", gjilan, "ad-hoc", "held", "2025-06-03T09:00:00.000Z")
  yield* meeting("g5", gjilan, "regular", "cancelled", "2025-11-17T09:00:00.000Z")
  yield* meeting("g6", prishtina, "regular", "held", "2025-01-20T09:00:00.000Z")
  yield* meeting("g7", prishtina, "regular", "held", "2025-04-21T09:00:00.000Z")
  yield* meeting("g8", prishtina, "regular", "held", "2025-07-21T09:00:00.000Z")
  yield* meeting("g9", prishtina, "regular", "held", "2025-10-20T09:00:00.000Z")
  yield* meeting("g10", prishtina, "regular", "held", "2026-01-19T09:00:00.000Z")
})
