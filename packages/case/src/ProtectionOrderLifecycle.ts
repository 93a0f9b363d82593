/**
 * A protection order's status as a state machine, and the events that move it:
 *
 * ```
 * requested ──issue──► issued ──extend──► extended ──extend──┐
 *     │                  │                   │   ▲───────────┘
 *     └──reject──► rejected                  │
 *                        └──expire──► expired ◄──expire
 * ```
 *
 * A breach is recorded on an issued or extended order without changing its
 * status; so is a court hearing, on a requested, issued or extended order (a
 * later one replaces the hearing in force, see `ProtectionOrder.nextHearing`). An order the police issue (the kind's `issuedBy` is `police`) starts
 * `issued`; every other order starts `requested`.
 */
import { Errors, type Id, type JurisdictionProfile } from "@bashke/kernel"
import { Data, Either, Schema } from "effect"
import * as ProtectionOrder from "./ProtectionOrder"
import * as ProtectionOrderDeadlines from "./ProtectionOrderDeadlines"

/**
 * What can be asked of an order's status.
 */
export const Command = Schema.Literal(
  "issue",
  "reject",
  "extend",
  "expire",
  "record-breach",
  "schedule-hearing",
).annotations({
  identifier: "ProtectionOrderCommand",
})

export type Command = typeof Command.Type

/**
 * The transition table. A pair not listed is an `InvalidTransition`.
 */
export const transitions: {
  readonly [S in ProtectionOrder.Status]: { readonly [C in Command]?: ProtectionOrder.Status }
} = {
  requested: { issue: "issued", reject: "rejected", "schedule-hearing": "requested" },
  issued: { extend: "extended", expire: "expired", "record-breach": "issued", "schedule-hearing": "issued" },
  extended: { extend: "extended", expire: "expired", "record-breach": "extended", "schedule-hearing": "extended" },
  rejected: {},
  expired: {},
}

/**
 * The status after `command`, or `InvalidTransition`.
 */
export const transition = (
  status: ProtectionOrder.Status,
  command: Command,
): Either.Either<ProtectionOrder.Status, Errors.InvalidTransition> => {
  const next = transitions[status][command]
  return next === undefined
    ? Either.left(new Errors.InvalidTransition({ entity: "ProtectionOrder", from: status, command }))
    : Either.right(next)
}

/**
 * The commands allowed from `status`.
 */
export const commandsFrom = (status: ProtectionOrder.Status): ReadonlyArray<Command> =>
  Command.literals.filter((command) => transitions[status][command] !== undefined)

/**
 * What happens to an order. `Issued.expiresAt` overrides the expiry computed
 * from the kind's duration (a court may set its own term).
 * `HearingScheduled.at` is when the court scheduled the hearing, `hearingAt`
 * when it is held.
 */
export type Event = Data.TaggedEnum<{
  Issued: { readonly at: Date; readonly expiresAt?: Date | undefined }
  Rejected: { readonly at: Date }
  Extended: { readonly at: Date; readonly until: Date }
  Expired: { readonly at: Date }
  BreachRecorded: { readonly at: Date; readonly reportedBy?: Id.InstitutionId | undefined }
  HearingScheduled: { readonly at: Date; readonly hearingAt: Date; readonly court?: Id.InstitutionId | undefined }
}>

/**
 * Constructors of {@link Event}: `Event.Issued({ at })`.
 */
export const Event = Data.taggedEnum<Event>()

const commandOf: { readonly [T in Event["_tag"]]: Command } = {
  Issued: "issue",
  Rejected: "reject",
  Extended: "extend",
  Expired: "expire",
  BreachRecorded: "record-breach",
  HearingScheduled: "schedule-hearing",
}

/**
 * A new order as it is first recorded.
 */
export interface NewOrder {
  readonly id: ProtectionOrder.ProtectionOrder["id"]
  readonly kind: string
  readonly petitioner: ProtectionOrder.Petitioner
  readonly requestedAt?: Date | undefined
  readonly issuedAt?: Date | undefined
  readonly expiresAt?: Date | undefined
}

/**
 * Records a new order at position `index` of the case's orders. A kind the
 * profile does not know is `case.order.kind.unknown`; an order the police issue
 * starts `issued` and needs `issuedAt` (`case.order.issued-at-required`), its
 * expiry computed from the kind's duration unless given; any other starts
 * `requested` and needs `requestedAt` (`case.order.requested-at-required`).
 * Dates out of order are `case.order.dates.out-of-order`.
 */
export const start = (
  input: NewOrder,
  index: number,
  profile: JurisdictionProfile.JurisdictionProfile,
): Either.Either<ProtectionOrder.ProtectionOrder, Errors.InvalidInput> =>
  Either.flatMap(ProtectionOrder.kindOf(profile, input.kind, `orders.${index}.kind`), (kind) => {
    const field = (name: string) => `orders.${index}.${name}`
    if (kind.issuedBy === "police") {
      if (input.issuedAt === undefined)
        return Either.left(new Errors.InvalidInput({ field: field("issuedAt"), rule: "case.order.issued-at-required" }))
      const expiresAt = input.expiresAt ?? ProtectionOrderDeadlines.expiryOf(input.kind, input.issuedAt, profile)
      return ProtectionOrder.validateDates(
        {
          id: input.id,
          kind: input.kind,
          petitioner: input.petitioner,
          status: "issued",
          ...(input.requestedAt === undefined ? {} : { requestedAt: input.requestedAt }),
          decidedAt: input.issuedAt,
          issuedAt: input.issuedAt,
          ...(expiresAt === undefined ? {} : { expiresAt }),
          extensions: [],
          breaches: [],
          hearings: [],
        },
        index,
      )
    }
    if (input.requestedAt === undefined)
      return Either.left(
        new Errors.InvalidInput({ field: field("requestedAt"), rule: "case.order.requested-at-required" }),
      )
    if (input.issuedAt !== undefined || input.expiresAt !== undefined)
      return Either.left(new Errors.InvalidInput({ field: field("issuedAt"), rule: "case.order.issue-by-event" }))
    return Either.right({
      id: input.id,
      kind: input.kind,
      petitioner: input.petitioner,
      status: "requested",
      requestedAt: input.requestedAt,
      extensions: [],
      breaches: [],
      hearings: [],
    })
  })

/**
 * The order after `event` at position `index`: the status moves as the table
 * allows (`InvalidTransition` otherwise) and the dates stay in order
 * (`InvalidInput`, `case.order.dates.out-of-order`); a breach must fall while
 * the order was in force (`case.order.breach.outside-term`); a hearing is not
 * before the order started nor scheduled before the one it replaces
 * (`case.order.hearing.before-request`, `case.order.hearing.out-of-order`).
 */
export const apply = (
  order: ProtectionOrder.ProtectionOrder,
  event: Event,
  index: number,
  profile: JurisdictionProfile.JurisdictionProfile,
): Either.Either<ProtectionOrder.ProtectionOrder, Errors.InvalidTransition | Errors.InvalidInput> =>
  Either.flatMap(
    transition(order.status, commandOf[event._tag]),
    (status): Either.Either<ProtectionOrder.ProtectionOrder, Errors.InvalidTransition | Errors.InvalidInput> => {
      switch (event._tag) {
        case "Issued": {
          const expiresAt = event.expiresAt ?? ProtectionOrderDeadlines.expiryOf(order.kind, event.at, profile)
          return ProtectionOrder.validateDates(
            {
              ...order,
              status,
              decidedAt: event.at,
              issuedAt: event.at,
              ...(expiresAt === undefined ? {} : { expiresAt }),
            },
            index,
          )
        }
        case "Rejected":
          return ProtectionOrder.validateDates({ ...order, status, decidedAt: event.at }, index)
        case "Extended": {
          // An extension is decided while the order runs and moves its end later.
          const field = `orders.${index}.extensions.${order.extensions.length}`
          if (order.expiresAt !== undefined && event.at.getTime() > order.expiresAt.getTime())
            return Either.left(new Errors.InvalidInput({ field: `${field}.at`, rule: "case.order.dates.out-of-order" }))
          if (order.expiresAt !== undefined && event.until.getTime() <= order.expiresAt.getTime())
            return Either.left(
              new Errors.InvalidInput({ field: `${field}.until`, rule: "case.order.dates.out-of-order" }),
            )
          return ProtectionOrder.validateDates(
            {
              ...order,
              status,
              expiresAt: event.until,
              extensions: [...order.extensions, { at: event.at, until: event.until }],
            },
            index,
          )
        }
        case "Expired":
          if (order.issuedAt !== undefined && event.at.getTime() <= order.issuedAt.getTime())
            return Either.left(
              new Errors.InvalidInput({ field: `orders.${index}.expiredAt`, rule: "case.order.dates.out-of-order" }),
            )
          return Either.right({ ...order, status })
        case "BreachRecorded": {
          if (!ProtectionOrder.inForce(order, event.at))
            return Either.left(
              new Errors.InvalidInput({
                field: `orders.${index}.breaches.${order.breaches.length}.at`,
                rule: "case.order.breach.outside-term",
              }),
            )
          const breach =
            event.reportedBy === undefined ? { at: event.at } : { at: event.at, reportedBy: event.reportedBy }
          return Either.right({ ...order, status, breaches: [...order.breaches, breach] })
        }
        case "HearingScheduled": {
          const hearing: ProtectionOrder.Hearing =
            event.court === undefined
              ? { at: event.hearingAt, scheduledAt: event.at }
              : { at: event.hearingAt, scheduledAt: event.at, court: event.court }
          return ProtectionOrder.validateDates({ ...order, status, hearings: [...order.hearings, hearing] }, index)
        }
      }
    },
  )
