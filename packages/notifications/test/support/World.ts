// A small world over a real database (SQLite file or PostgreSQL schema): one
// mechanism, the real SQL repositories of the domain packages, people in a
// table (`TablePeople`) with their languages and addresses, and helpers that
// write referrals and action items through those repositories. Nothing here
// is a fake of a store: rows go in and out through the packages' own adapters.
import { caseMigrations, SqlOpenCases } from "@bashke/case"
import { Id, type Locale, type Principal } from "@bashke/kernel"
import {
  type Mechanism,
  MechanismRepository,
  Mechanisms,
  mechanismMigrations,
  SqlMechanismRepository,
} from "@bashke/mechanism"
import {
  type ActionItem,
  ActionItemRepository,
  MeetingLifecycle,
  MeetingRepository,
  MeetingRounds,
  meetingMigrations,
  SqlActionItemRepository,
  SqlMeetingRepository,
} from "@bashke/meeting"
import { persistenceMigrations } from "@bashke/persistence"
import { type TestDatabase, testDatabases } from "@bashke/persistence/testing"
import {
  type Referral,
  ReferralRepository,
  ReferralRounds,
  referralMigrations,
  SqlReferralRepository,
} from "@bashke/referral"
import { securityMigrations, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Either, Layer } from "effect"
import { notificationMigrations } from "../../src/NotificationMigrations"
import { type Person, TablePeople } from "../../src/testing"

export const databases: ReadonlyArray<TestDatabase.TestDatabase> = await testDatabases({
  migrations: [
    persistenceMigrations,
    securityMigrations,
    mechanismMigrations,
    meetingMigrations,
    caseMigrations,
    referralMigrations,
    notificationMigrations,
  ],
})

const ulid = (n: number): string => Id.ulidAt(1_760_000_000_000 + n, new Uint8Array(10).fill(n))

export const mechanismId = ulid(1) as Id.MechanismId
export const institutions = {
  municipality: ulid(10) as Id.InstitutionId,
  socialWork: ulid(11) as Id.InstitutionId,
  shelter: ulid(12) as Id.InstitutionId,
} as const

const person = (
  n: number,
  institution: Id.InstitutionId,
  roles: ReadonlyArray<Principal.Role>,
  locale: Locale.Locale,
): Person => ({
  id: ulid(n) as Id.PrincipalId,
  institution,
  roles,
  mechanisms: [mechanismId],
  locale,
  email: `person${n}@example.org`,
})

/** The people: two at the shelter (Albanian, Serbian Cyrillic), a case manager (Serbian Latin), the coordinator (English), an administrator. */
export const people = {
  shelterSq: person(20, institutions.shelter, ["case-worker"], "sq"),
  shelterCyrl: person(21, institutions.shelter, ["case-worker"], "sr-Cyrl"),
  caseManager: person(22, institutions.socialWork, ["case-worker"], "sr-Latn"),
  coordinator: person(23, institutions.municipality, ["coordinator"], "en"),
  administrator: { ...person(24, institutions.municipality, ["administrator"], "en"), mechanisms: [] },
} as const

export type World =
  | SqlClient.SqlClient
  | Id.IdGenerator
  | Vault.Vault
  | MechanismRepository.MechanismRepository
  | Mechanisms.Mechanisms
  | MeetingRepository.MeetingRepository
  | ActionItemRepository.ActionItemRepository
  | MeetingRounds.MeetingRounds
  | ReferralRepository.ReferralRepository
  | ReferralRounds.ReferralRounds
  | import("@bashke/case").OpenCases.OpenCases
  | import("../../src/Recipients").Recipients

/** The world over a fresh database of `db`. */
export const world = (db: TestDatabase.TestDatabase): Layer.Layer<World> =>
  Layer.mergeAll(
    Mechanisms.layer.pipe(Layer.provideMerge(SqlMechanismRepository.layer)),
    MeetingRounds.layer.pipe(
      Layer.provideMerge(Layer.merge(SqlMeetingRepository.layer, SqlActionItemRepository.layer)),
    ),
    ReferralRounds.layer.pipe(Layer.provideMerge(SqlReferralRepository.layer)),
    SqlOpenCases.layer,
    TablePeople.layer,
  ).pipe(Layer.provideMerge(Layer.mergeAll(db.layer, Id.layer, Vault.layerTest)))

/** The mechanism and its people. */
export const populate: Effect.Effect<void, never, World> = Effect.gen(function* () {
  const mechanism: Mechanism.Mechanism = {
    id: mechanismId,
    municipality: "GJI" as Mechanism.Mechanism["municipality"],
    name: { sq: "Mekanizmi", "sr-Latn": "Mehanizam", en: "Mechanism" },
    status: "active",
    minimumMeetingsPerYear: 4,
    quorum: "more-than-half",
    version: 1,
    createdAt: new Date("2026-01-01T00:00:00Z"),
  }
  yield* (yield* MechanismRepository.MechanismRepository).insertMechanism(mechanism).pipe(Effect.orDie)
  for (const each of Object.values(people)) yield* TablePeople.put(each)
  const directory = yield* ReferralRepository.ReferralRepository
  yield* directory.insertOrganization({ institution: institutions.shelter, name: "Strehimorja" })
  yield* directory.insertService({
    id: ulid(300) as Id.ServiceId,
    institution: institutions.shelter,
    name: "Strehim emergjent",
    type: "shelter",
    municipality: "GJI" as Mechanism.Mechanism["municipality"],
    languages: ["sq"],
    locations: [],
    active: true,
  })
})

/** A referral sent at `sentAt` from social work to the shelter, waiting for an answer. */
export const sendReferral = (
  n: number,
  sentAt: Date,
  urgency: Referral.Urgency = "high",
): Effect.Effect<Referral.Referral, never, World> =>
  Effect.gen(function* () {
    const referral: Referral.Referral = {
      id: ulid(100 + n) as Id.ReferralId,
      mechanism: mechanismId,
      case: ulid(200 + n) as Id.CaseId,
      from: institutions.socialWork,
      to: institutions.shelter,
      service: ulid(300) as Id.ServiceId,
      reason: "shelter-needed",
      urgency,
      basis: { _tag: "Consent", consent: ulid(400 + n) as Id.ConsentId },
      status: "sent",
      history: [
        {
          status: "sent",
          at: sentAt,
          actor: { principal: people.caseManager.id, institution: institutions.socialWork },
        },
      ],
      version: 1,
    }
    yield* (yield* ReferralRepository.ReferralRepository).insert(referral)
    return referral
  })

/** An open action item of the shelter due on `dueDate`, decided at a meeting held a week before. */
export const actionItem = (n: number, dueDate: string): Effect.Effect<ActionItem.ActionItem, never, World> =>
  Effect.gen(function* () {
    const meetingId = ulid(500 + n) as Id.MeetingId
    const decidedAt = new Date(Date.parse(`${dueDate}T09:00:00Z`) - 7 * 86_400_000)
    yield* (yield* MeetingRepository.MeetingRepository).insert(
      Either.getOrThrow(
        MeetingLifecycle.scheduled({
          id: meetingId,
          mechanismId,
          kind: "regular",
          schedule: { startsAt: decidedAt, endsAt: new Date(decidedAt.getTime() + 7_200_000), place: "Salla" },
          at: new Date(decidedAt.getTime() - 86_400_000),
        }),
      ),
    )
    const item: ActionItem.ActionItem = {
      id: ulid(600 + n) as Id.ActionItemId,
      mechanismId,
      meetingId,
      decidedAt,
      owner: institutions.shelter,
      dueDate,
      description: "Confirm a place for the family",
      status: "open",
      version: 1,
      createdAt: decidedAt,
      updatedAt: decidedAt,
    }
    yield* (yield* ActionItemRepository.ActionItemRepository).insert(item)
    return item
  })

/** Every notification, as rows: who got what, when. */
export const notifications = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  return yield* sql<{
    recipient: string
    reminder_key: string
    stage: string
    late: number | string
    created_at: unknown
    email: string
  }>`SELECT recipient, reminder_key, stage, late, created_at, email FROM notifications ORDER BY id`
}).pipe(Effect.orDie)
