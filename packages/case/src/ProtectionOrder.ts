/**
 * A protection order in a case: its kind (one of the jurisdiction profile's
 * kinds — in Kosovo the protection order, the emergency protection order and
 * the police's temporary emergency protection order), who petitioned, its
 * status, its dates, its extensions, its recorded breaches and its court
 * hearings.
 *
 * The dates keep their order: requested ≤ decided ≤ issued < expiry, and no
 * hearing falls before the order's start ({@link validateDates}). The status moves only as `ProtectionOrderLifecycle`
 * allows; deadlines and reminders are in `ProtectionOrderDeadlines`.
 */
import { Errors, Id, type JurisdictionProfile } from "@bashke/kernel"
import { Either, Schema } from "effect"
import { Instant } from "./internal/Instant"
import { Condition } from "./OrderCondition"

/**
 * An order kind: a key of the profile's `protectionOrders.kinds`
 * (`protection-order`, `emergency-protection-order`,
 * `temporary-emergency-protection-order` in Kosovo). Checked against the
 * profile by {@link kindOf}.
 */
export const OrderKind = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/),
  Schema.maxLength(60),
  Schema.annotations({ identifier: "ProtectionOrderKindCode", message: () => "case.order.kind.unknown" }),
)

export type OrderKind = typeof OrderKind.Type

/**
 * Who petitioned for the order (Law 03/L-182: the victim or their
 * representative, the police, the centre for social work, a victim advocate).
 */
export const Petitioner = Schema.Literal(
  "victim",
  "representative",
  "police",
  "social-work",
  "victim-advocate",
).annotations({
  identifier: "ProtectionOrderPetitioner",
  message: () => ({ message: "case.order.petitioner.unknown", override: true }),
})

export type Petitioner = typeof Petitioner.Type

/**
 * An order's status: `requested` (awaiting the court), then `issued` or
 * `rejected`; an issued order may be `extended` (again and again) and ends
 * `expired`. A breach does not change the status: it is an event on the order.
 */
export const Status = Schema.Literal("requested", "issued", "rejected", "extended", "expired").annotations({
  identifier: "ProtectionOrderStatus",
})

export type Status = typeof Status.Type

/**
 * A recorded breach: when it happened and which institution reported it.
 */
export const Breach = Schema.Struct({
  at: Instant,
  reportedBy: Schema.optional(Id.InstitutionId),
}).annotations({ identifier: "ProtectionOrderBreach" })

export type Breach = typeof Breach.Type

/**
 * An extension: when it was decided and the new expiry.
 */
export const Extension = Schema.Struct({
  at: Instant,
  until: Instant,
}).annotations({ identifier: "ProtectionOrderExtension" })

export type Extension = typeof Extension.Type

/**
 * A court hearing on the order: when it is held (`at`), when the court
 * scheduled it (`scheduledAt`), and which court (an institution), when known.
 * A court that reschedules sets a new hearing: the latest scheduled replaces
 * the earlier ones, which stay as history ({@link nextHearing}).
 */
export const Hearing = Schema.Struct({
  at: Instant,
  scheduledAt: Instant,
  court: Schema.optional(Id.InstitutionId),
}).annotations({ identifier: "ProtectionOrderHearing" })

export type Hearing = typeof Hearing.Type

/**
 * A protection order. `expiresAt` is the current expiry (moved by each
 * extension; the history is in `extensions`); `decidedAt` is the court's
 * decision, to issue or to reject. `hearings` are in the order they were
 * scheduled, the last one the hearing in force. `conditions` say what the
 * order forbids or requires (`OrderCondition`); absent on an order recorded
 * without them.
 */
export const ProtectionOrder = Schema.Struct({
  id: Id.ProtectionOrderId,
  kind: OrderKind,
  petitioner: Petitioner,
  status: Status,
  requestedAt: Schema.optional(Instant),
  decidedAt: Schema.optional(Instant),
  issuedAt: Schema.optional(Instant),
  expiresAt: Schema.optional(Instant),
  extensions: Schema.Array(Extension),
  breaches: Schema.Array(Breach),
  hearings: Schema.Array(Hearing),
  conditions: Schema.optional(Schema.Array(Condition)),
}).annotations({ identifier: "ProtectionOrder" })

export type ProtectionOrder = typeof ProtectionOrder.Type

/**
 * The profile's definition of a kind, or `InvalidInput`
 * (`case.order.kind.unknown`, at `field`).
 */
export const kindOf = (
  profile: JurisdictionProfile.JurisdictionProfile,
  kind: string,
  field = "kind",
): Either.Either<JurisdictionProfile.ProtectionOrderKind, Errors.InvalidInput> => {
  const found = Object.hasOwn(profile.protectionOrders.kinds, kind) ? profile.protectionOrders.kinds[kind] : undefined
  return found === undefined
    ? Either.left(new Errors.InvalidInput({ field, rule: "case.order.kind.unknown" }))
    : Either.right(found)
}

const dateFields = ["requestedAt", "decidedAt", "issuedAt", "expiresAt"] as const

/**
 * When the order started: its request, or for an order issued without one (by
 * the police) its decision or issue. No hearing is before it.
 */
export const startedAt = (order: Pick<ProtectionOrder, "requestedAt" | "decidedAt" | "issuedAt">): Date | undefined =>
  order.requestedAt ?? order.decidedAt ?? order.issuedAt

/**
 * Checks that the dates present keep their order — requested ≤ decided ≤
 * issued < expiry — and that each extension ends later than the one before.
 * The error names the first field out of order (`orders.<index>.<field>`) with
 * the rule `case.order.dates.out-of-order`. A hearing held or scheduled before
 * the order started is `case.order.hearing.before-request`; one scheduled
 * before the hearing it replaces, `case.order.hearing.out-of-order`
 * (`orders.<index>.hearings.<i>.<field>`).
 */
export const validateDates = (
  order: ProtectionOrder,
  index: number,
): Either.Either<ProtectionOrder, Errors.InvalidInput> => {
  const outOfOrder = (name: string) =>
    Either.left(new Errors.InvalidInput({ field: `orders.${index}.${name}`, rule: "case.order.dates.out-of-order" }))
  let previous: { readonly name: string; readonly time: number } | undefined
  for (const name of dateFields) {
    const value = order[name]
    if (value === undefined) continue
    const time = value.getTime()
    if (previous !== undefined) {
      const strict = name === "expiresAt"
      if (strict ? time <= previous.time : time < previous.time) return outOfOrder(name)
    }
    previous = { name, time }
  }
  let until = order.issuedAt?.getTime() ?? Number.NEGATIVE_INFINITY
  for (const [i, extension] of order.extensions.entries()) {
    if (extension.until.getTime() <= until || extension.until.getTime() <= extension.at.getTime())
      return outOfOrder(`extensions.${i}.until`)
    until = extension.until.getTime()
  }
  const start = startedAt(order)?.getTime() ?? Number.NEGATIVE_INFINITY
  let scheduled = Number.NEGATIVE_INFINITY
  for (const [i, hearing] of order.hearings.entries()) {
    const field = (name: string) => `orders.${index}.hearings.${i}.${name}`
    for (const name of ["at", "scheduledAt"] as const)
      if (hearing[name].getTime() < start)
        return Either.left(new Errors.InvalidInput({ field: field(name), rule: "case.order.hearing.before-request" }))
    if (hearing.scheduledAt.getTime() < scheduled)
      return Either.left(
        new Errors.InvalidInput({ field: field("scheduledAt"), rule: "case.order.hearing.out-of-order" }),
      )
    scheduled = hearing.scheduledAt.getTime()
  }
  return Either.right(order)
}

/**
 * The hearing in force: the one scheduled last, if any. It replaces the
 * hearings scheduled before it (a court that reschedules).
 */
export const nextHearing = (order: Pick<ProtectionOrder, "hearings">): Hearing | undefined =>
  order.hearings[order.hearings.length - 1]

/**
 * Whether the order is in force at `at`: issued or extended, and not past its expiry.
 */
export const inForce = (order: ProtectionOrder, at: Date): boolean =>
  (order.status === "issued" || order.status === "extended") &&
  order.issuedAt !== undefined &&
  order.issuedAt.getTime() <= at.getTime() &&
  (order.expiresAt === undefined || at.getTime() < order.expiresAt.getTime())

/**
 * The latest breach of any of the orders, if any.
 */
export const lastBreach = (orders: ReadonlyArray<ProtectionOrder>): Date | undefined => {
  let last: Date | undefined
  for (const order of orders)
    for (const breach of order.breaches)
      if (last === undefined || breach.at.getTime() > last.getTime()) last = breach.at
  return last
}

/**
 * The catalogue key of a status's label.
 */
export const statusLabelKey = (status: Status): `case.order.status.${Status}` => `case.order.status.${status}`
