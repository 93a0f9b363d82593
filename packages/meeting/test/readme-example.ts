// The README's example, imports pointed at the sources; `Readme.test.ts` runs it.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { Migrations, persistenceMigrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { AuditLog, securityMigrations, Vault } from "@bashke/security"
import { Effect, Layer, Redacted } from "effect"
import {
  Agenda,
  CaseSummaries,
  MechanismRoster,
  MeetingService,
  meetingMigrations,
  OverdueReferrals,
  SqlActionItemRepository,
  SqlMeetingRepository,
} from "../src/index"

const mechanismId = Id.MechanismId.make("01JM0000000000000000000001")
const municipality = Id.InstitutionId.make("01JB000000000000000000000A")
const police = Id.InstitutionId.make("01JB000000000000000000000B")
const socialWork = Id.InstitutionId.make("01JB000000000000000000000C")

const coordinator: Principal.Principal = {
  id: Id.PrincipalId.make("01JP0000000000000000000001"),
  kind: "user",
  institution: municipality,
  roles: ["coordinator"],
  mechanisms: [mechanismId],
}
const policeOfficer: Principal.Principal = {
  id: Id.PrincipalId.make("01JP0000000000000000000002"),
  kind: "user",
  institution: police,
  roles: ["member-representative"],
  mechanisms: [mechanismId],
}
const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)

// The ports, as the application wires them to @bashke/mechanism, the case and the referral packages.
const roster = MechanismRoster.layerTest([
  {
    mechanismId,
    coordinator: municipality,
    members: [municipality, police, socialWork],
    signatories: [municipality, police, socialWork],
  },
])
const cases = CaseSummaries.layerTest([
  {
    mechanismId,
    cases: [
      {
        caseId: Id.CaseId.make("01JC0000000000000000000001"),
        reference: "GJL-2026-0042",
        riskLevel: "high",
        hasChildren: true,
        sectors: ["police", "social-work"],
        conferenceReasons: ["high-risk"],
        conferenceConsent: true,
        openedAt: new Date("2026-01-12T10:00:00Z"),
      },
    ],
  },
])

const overdue = OverdueReferrals.layerTest([]) // no overdue referral yet

const program = Effect.gen(function* () {
  yield* Migrations.run([persistenceMigrations, securityMigrations, meetingMigrations])

  // The police ask for an urgent ad hoc meeting: the coordinator has 2 days (Kosovo profile).
  const request = yield* MeetingService.requestAdHoc({
    mechanismId,
    reason: "Escalation in a shared case",
    urgency: "urgent",
  }).pipe(as(policeOfficer))

  // The coordinator schedules it for tomorrow.
  const startsAt = new Date(Date.now() + 86_400_000)
  const meeting = yield* MeetingService.scheduleRequested({
    meetingId: request.id,
    expectedVersion: request.version,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    place: "Municipal hall, room 3",
  }).pipe(as(coordinator))

  // The agenda is built from data; case reviews show the pseudonymised summary only.
  const agenda = yield* MeetingService.agenda(meeting.id).pipe(as(policeOfficer))
  const titles = agenda.items.map((item) => Agenda.title(item, "sq", JurisdictionProfile.kosovo))

  // The calendar feed for subscribed calendars (RFC 5545).
  const calendar = yield* MeetingService.calendar(mechanismId, "sr-Cyrl").pipe(as(policeOfficer))
  return { titles, calendar }
})

export const main = async () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-meeting-"))
  const vault = Vault.layer([{ id: "k1", material: Redacted.make(crypto.getRandomValues(new Uint8Array(32))) }])
  const infrastructure = Layer.mergeAll(Database.layer(`sqlite:${join(directory, "bashke.db")}`), vault, Id.layer)
  const services = Layer.mergeAll(
    SqlMeetingRepository.layer,
    SqlActionItemRepository.layer,
    AuditLog.layer,
    roster,
    cases,
    overdue,
  )
  try {
    return await Effect.runPromise(
      program.pipe(Effect.provide(services.pipe(Layer.provideMerge(infrastructure))), Effect.orDie),
    )
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(({ titles, calendar }) => {
    console.log(titles.join("\n"))
    // Deklarata e konfidencialitetit
    // Shqyrtimi i rastit GJL-2026-0042: rrezik i lartë; Policia, Puna sociale; 0 veprime të hapura
    // Të ndryshme
    console.log(calendar) // BEGIN:VCALENDAR … SUMMARY;LANGUAGE=sr-Cyrl:Ванредни састанак координационог механизма …
  })
}
