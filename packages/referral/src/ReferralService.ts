/**
 * The use cases: register directory entries and capacity, send a referral
 * through the guards, move it through its lifecycle, list and announce overdue
 * referrals, and compute response times. Each command decodes its input, runs
 * the pure rules, and writes the row and its outbox event in one transaction; a
 * refused command writes nothing.
 *
 * Who may act: the receiving institution acknowledges, accepts, declines,
 * starts and completes; the sending institution cancels and revokes; an
 * institution's directory entries and capacity are written by the institution
 * itself or an administrator (`DirectoryPolicy`). A consent
 * override is written to the audit log flagged as break-glass, with the ground
 * and the reason code.
 */
import { Errors, Id, Input, Instant, JurisdictionProfile, Principal } from "@bashke/kernel"
import { OptimisticConcurrency, Outbox, Transaction } from "@bashke/persistence"
import { AuditLog } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer, Schema } from "effect"
import { CaseFacts } from "./CaseFacts"
import * as Directory from "./Directory"
import * as DirectoryPolicy from "./DirectoryPolicy"
import * as Referral from "./Referral"
import * as ReferralDeadlines from "./ReferralDeadlines"
import { topics, transitionTopics } from "./ReferralEvents"
import * as ReferralGuards from "./ReferralGuards"
import * as ReferralLifecycle from "./ReferralLifecycle"
import { referralMessages } from "./ReferralMessages"
import { ReferralRepository } from "./ReferralRepository"
import * as ResponseTimes from "./ResponseTimes"
import * as SqlReferralRepository from "./SqlReferralRepository"

const decode = Input.decode({ messages: referralMessages, fallback: "referral.input.invalid" })

/**
 * The input of `send`.
 */
export const SendInput = Schema.Struct({
  case: Id.CaseId,
  service: Id.ServiceId,
  reason: Referral.Code,
  basis: Referral.Basis,
})

export type SendInput = typeof SendInput.Encoded

/**
 * The override policy in force: the kernel's profile does not carry one yet, so
 * the app provides it (default: no override).
 */
export class CurrentOverridePolicy extends Context.Reference<CurrentOverridePolicy>()(
  "@bashke/referral/CurrentOverridePolicy",
  { defaultValue: (): ReferralGuards.OverridePolicy => ReferralGuards.noOverrides },
) {}

type Failure = Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden | Errors.InvalidTransition

export interface Service {
  /** Registers the principal's own institution (an administrator: any) as a provider (`DirectoryPolicy`). */
  readonly registerOrganization: (
    input: typeof Directory.Organization.Encoded,
  ) => Effect.Effect<Directory.Organization, Errors.InvalidInput | Errors.Forbidden, Principal.CurrentPrincipal>
  /** Registers a location of the principal's own institution (an administrator: any institution's). */
  readonly registerLocation: (
    input: typeof Directory.Location.Encoded,
  ) => Effect.Effect<Directory.Location, Errors.InvalidInput | Errors.Forbidden, Principal.CurrentPrincipal>
  /** Registers a service of the principal's own institution (an administrator: any institution's). */
  readonly registerService: (
    input: typeof Directory.Service.Encoded,
  ) => Effect.Effect<Directory.Service, Errors.InvalidInput | Errors.Forbidden, Principal.CurrentPrincipal>
  /**
   * The provider's capacity report (the providing institution, or an
   * administrator); a report older than the one held changes nothing.
   */
  readonly reportCapacity: (
    service: Id.ServiceId,
    input: typeof Directory.Capacity.Encoded,
  ) => Effect.Effect<
    Directory.Service,
    Errors.InvalidInput | Errors.NotFound | Errors.Forbidden,
    Principal.CurrentPrincipal
  >
  readonly directory: Effect.Effect<Directory.Directory>
  readonly send: (input: SendInput) => Effect.Effect<Referral.Referral, Failure, Principal.CurrentPrincipal>
  readonly transition: (
    id: Id.ReferralId,
    command: ReferralLifecycle.CommandInput,
    expectedVersion: number,
  ) => Effect.Effect<Referral.Referral, Failure, Principal.CurrentPrincipal>
  readonly find: (id: Id.ReferralId) => Effect.Effect<Referral.Referral, Errors.NotFound>
  /** The overdue referrals of a mechanism; announces each newly overdue step once on the outbox. */
  readonly overdueFor: (mechanism: Id.MechanismId) => Effect.Effect<ReadonlyArray<ReferralDeadlines.Overdue>>
  readonly responseTimes: (mechanism: Id.MechanismId) => Effect.Effect<{
    readonly perInstitution: ReadonlyArray<ResponseTimes.ResponseTimes<Id.InstitutionId>>
    readonly perService: ReadonlyArray<ResponseTimes.ResponseTimes<Id.ServiceId>>
  }>
}

export class ReferralService extends Context.Tag("@bashke/referral/ReferralService")<ReferralService, Service>() {}

const actorOf = (action: string): Effect.Effect<Referral.Actor, Errors.Forbidden, Principal.CurrentPrincipal> =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    principal.institution === undefined
      ? Effect.fail(new Errors.Forbidden({ action, rule: "referral.actor.no-institution" }))
      : Effect.succeed({ principal: principal.id, institution: principal.institution }),
  )

const senderCommands: ReadonlyArray<ReferralLifecycle.CommandTag> = ["Cancel", "Revoke"]

/**
 * The service over its repository, the case facts, the audit log and the SQL
 * client (for the transaction and the outbox).
 */
export const make: Effect.Effect<
  Service,
  never,
  ReferralRepository | CaseFacts | AuditLog.AuditLog | SqlClient.SqlClient | Id.IdGenerator
> = Effect.gen(function* () {
  const repo = yield* ReferralRepository
  const cases = yield* CaseFacts
  const audit = yield* AuditLog.AuditLog
  const sql = yield* SqlClient.SqlClient
  const ids = yield* Id.IdGenerator
  const store = Context.make(SqlClient.SqlClient, sql).pipe(Context.add(Id.IdGenerator, ids))

  // One transaction; an infrastructure failure is a defect, a rule's failure
  // rolls everything back.
  const transaction = Transaction.within(sql)

  const emit = (
    topic: string,
    aggregateType: string,
    aggregateId: string,
    payload: Readonly<Record<string, unknown>>,
  ) => Outbox.append({ topic, aggregateType, aggregateId, payload }).pipe(Effect.provide(store))

  /** The decoded entry, once the principal may write an entry of its institution. */
  const writable = <A extends { readonly institution: Id.InstitutionId }, I>(
    schema: Schema.Schema<A, I>,
    input: unknown,
    write: DirectoryPolicy.Write,
  ) =>
    Effect.gen(function* () {
      const entry = yield* decode(schema)(input)
      const principal = yield* Principal.CurrentPrincipal
      yield* DirectoryPolicy.requireWriter(principal, entry.institution, write)
      return entry
    })

  const registerOrganization: Service["registerOrganization"] = (input) =>
    Effect.flatMap(writable(Directory.Organization, input, "organization.register"), (org) =>
      transaction(Effect.as(repo.insertOrganization(org), org)),
    )

  const registerLocation: Service["registerLocation"] = (input) =>
    Effect.flatMap(writable(Directory.Location, input, "location.register"), (loc) =>
      transaction(Effect.as(repo.insertLocation(loc), loc)),
    )

  const registerService: Service["registerService"] = (input) =>
    Effect.flatMap(writable(Directory.Service, input, "service.register"), (svc) =>
      transaction(
        Effect.gen(function* () {
          yield* repo.insertService(svc)
          yield* emit(topics.serviceRegistered, "Service", svc.id, { service: svc.id, type: svc.type })
          return svc
        }),
      ),
    )

  const reportCapacity: Service["reportCapacity"] = (id, input) =>
    Effect.gen(function* () {
      const capacity = yield* decode(Directory.Capacity)(input)
      const principal = yield* Principal.CurrentPrincipal
      const held = (yield* repo.directory).services.find((svc) => svc.id === id)
      if (held === undefined) return yield* Effect.fail(new Errors.NotFound({ entity: "Service", id }))
      yield* DirectoryPolicy.requireWriter(principal, held.institution, "capacity.report")
      const updated = Directory.updateCapacity(held, capacity)
      if (updated === held) return held
      return yield* transaction(
        Effect.gen(function* () {
          yield* repo.updateCapacity(updated)
          yield* emit(topics.capacityUpdated, "Service", id, {
            service: id,
            available: capacity.available,
            total: capacity.total,
            updatedAt: capacity.updatedAt.toISOString(),
          })
          return updated
        }),
      )
    })

  const send: Service["send"] = (input) =>
    Effect.gen(function* () {
      const draft = yield* decode(SendInput)(input)
      const actor = yield* actorOf("referral.send")
      const at = yield* Instant.now
      const facts = yield* cases.of(draft.case)
      const directory = yield* repo.directory
      const overrides = yield* CurrentOverridePolicy
      return yield* transaction(
        Effect.gen(function* () {
          const service = yield* ReferralGuards.check(
            { case: draft.case, service: draft.service, basis: draft.basis, at },
            {
              directory,
              consents: facts.consents,
              sectorOf: Directory.sectorOf(directory),
              referrals: yield* repo.forCase(draft.case),
              overrides,
            },
          )
          const referral: Referral.Referral = {
            id: yield* Effect.provide(Id.ReferralId.generate, store),
            mechanism: facts.mechanism,
            case: draft.case,
            from: actor.institution,
            to: service.institution,
            service: service.id,
            reason: draft.reason,
            urgency: Referral.urgencyOf(facts.risk),
            basis: draft.basis,
            status: "sent",
            history: [{ status: "sent", at, actor }],
            version: OptimisticConcurrency.initialVersion,
          }
          yield* repo.insert(referral)
          if (draft.basis._tag === "Override")
            yield* audit
              .append({
                principalId: actor.principal,
                institutionId: actor.institution,
                mechanismId: facts.mechanism,
                caseId: draft.case,
                action: "write",
                purpose: "referral",
                reason: `referral override: ${draft.basis.override.ground} (${draft.basis.override.reason})`,
                breakGlass: true,
              })
              .pipe(Effect.orDie)
          yield* emit(topics.sent, "Referral", referral.id, {
            referral: referral.id,
            mechanism: referral.mechanism,
            case: referral.case,
            from: referral.from,
            to: referral.to,
            service: referral.service,
            urgency: referral.urgency,
            override: draft.basis._tag === "Override",
          })
          return referral
        }),
      )
    })

  const transition: Service["transition"] = (id, input, expectedVersion) =>
    Effect.gen(function* () {
      const command = yield* decode(ReferralLifecycle.Command)(input)
      const actor = yield* actorOf(`referral.${command._tag}`)
      const at = yield* Instant.now
      return yield* transaction(
        Effect.gen(function* () {
          const referral = yield* repo.find(id)
          if (referral.version !== expectedVersion)
            return yield* Effect.fail(
              new Errors.Conflict({
                entity: "Referral",
                id,
                rule: "version.stale",
                expectedVersion,
                actualVersion: referral.version,
              }),
            )
          const party = senderCommands.includes(command._tag) ? referral.from : referral.to
          if (actor.institution !== party)
            return yield* Effect.fail(
              new Errors.Forbidden({
                action: `referral.${command._tag}`,
                rule: party === referral.from ? "referral.actor.not-sender" : "referral.actor.not-receiver",
              }),
            )
          const next = yield* ReferralLifecycle.transition(referral, command, actor, at)
          yield* repo.update(next, expectedVersion)
          const step = next.history[next.history.length - 1]
          yield* emit(transitionTopics[command._tag], "Referral", id, {
            referral: id,
            mechanism: next.mechanism,
            status: next.status,
            at: at.toISOString(),
            ...(step?.code === undefined ? {} : { code: step.code }),
          })
          return next
        }),
      )
    })

  const overdueFor: Service["overdueFor"] = (mechanism) =>
    Effect.gen(function* () {
      const at = yield* Instant.now
      const profile = yield* JurisdictionProfile.CurrentJurisdiction
      return yield* transaction(
        Effect.gen(function* () {
          const late = ReferralDeadlines.overdue(yield* repo.forMechanism(mechanism), at, profile)
          const announced = yield* repo.announced(mechanism)
          for (const item of late) {
            if (announced.get(item.referral) === item.step) continue
            yield* repo.markAnnounced(item.referral, item.step)
            yield* emit(topics.overdue, "Referral", item.referral, {
              referral: item.referral,
              mechanism: item.mechanism,
              to: item.to,
              service: item.service,
              step: item.step,
              due: item.due.toISOString(),
            })
          }
          return late
        }),
      )
    })

  const responseTimes: Service["responseTimes"] = (mechanism) =>
    Effect.map(repo.forMechanism(mechanism), (referrals) => ({
      perInstitution: ResponseTimes.perInstitution(referrals),
      perService: ResponseTimes.perService(referrals),
    }))

  return {
    registerOrganization,
    registerLocation,
    registerService,
    reportCapacity,
    directory: repo.directory,
    send,
    transition,
    find: repo.find,
    overdueFor,
    responseTimes,
  }
})

/**
 * The service as a layer over a repository.
 */
export const layer: Layer.Layer<
  ReferralService,
  never,
  ReferralRepository | CaseFacts | AuditLog.AuditLog | SqlClient.SqlClient | Id.IdGenerator
> = Layer.effect(ReferralService, make)

/**
 * The service over the SQL repository.
 */
export const layerSql: Layer.Layer<
  ReferralService | ReferralRepository,
  never,
  CaseFacts | AuditLog.AuditLog | SqlClient.SqlClient | Id.IdGenerator
> = layer.pipe(Layer.provideMerge(SqlReferralRepository.layer))
