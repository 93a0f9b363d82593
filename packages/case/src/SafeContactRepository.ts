/**
 * The port through which safe contacts are stored: every version of every
 * person's safe contact, none changed once written. Instructions cross the
 * port in the clear; the adapter seals them. Database failures are defects
 * at the adapter's edge; every method joins the caller's transaction.
 */
import type { Id } from "@bashke/kernel"
import { Context, type Effect, type Option } from "effect"
import type { SafeContact } from "./SafeContact"

export interface Service {
  readonly insert: (contact: SafeContact) => Effect.Effect<void>
  /** The latest version of a person's safe contact in the case, if any. */
  readonly latest: (caseId: Id.CaseId, personId: Id.PersonId) => Effect.Effect<Option.Option<SafeContact>>
}

export class SafeContactRepository extends Context.Tag("@bashke/case/SafeContactRepository")<
  SafeContactRepository,
  Service
>() {}
