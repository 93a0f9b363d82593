/**
 * The port through which notifications find people: who an audience reaches
 * in a mechanism *now* (so someone who left the institution, lost the role or
 * was deactivated is never told), each person's language, the installation's
 * administrators, and — only when an email is about to be sent — the person's
 * address, opened through an audited read (addresses of staff are personal
 * data, sealed at rest).
 *
 * The application binds it to its people (the identity package); a test binds
 * it to a few rows of its own.
 */
import { type Due, Id, Locale } from "@bashke/kernel"
import { Context, type Effect, type Option, Schema } from "effect"

/**
 * A person notifications may reach: the id their in-app list is kept under
 * (the principal id they act with) and the language they read.
 */
export const Recipient = Schema.Struct({ id: Id.PrincipalId, locale: Locale.Locale }).annotations({
  identifier: "NotificationRecipient",
})

export type Recipient = typeof Recipient.Type

/**
 * Why an address is opened: for the audit entry.
 */
export type Purpose = "notification"

export interface Service {
  /**
   * The people `audience` reaches in `mechanism` now: active, holding an
   * institutional role there (for `Institution`, at that institution; for
   * `Coordinator`, the coordinator role).
   */
  readonly reach: (mechanism: Id.MechanismId, audience: Due.Audience) => Effect.Effect<ReadonlyArray<Recipient>>
  /** The installation's active administrators. */
  readonly administrators: Effect.Effect<ReadonlyArray<Recipient>>
  /** A person as they are now; none when unknown or deactivated. */
  readonly find: (id: Id.PrincipalId) => Effect.Effect<Option.Option<Recipient>>
  /**
   * The person's email address for sending, read through the audit log; none
   * when they have no address (or are no longer active).
   */
  readonly openEmail: (id: Id.PrincipalId, purpose: Purpose) => Effect.Effect<Option.Option<string>>
}

export class Recipients extends Context.Tag("@bashke/notifications/Recipients")<Recipients, Service>() {}
