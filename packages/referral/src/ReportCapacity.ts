/**
 * A provider reports a service's capacity: the providing institution or an
 * administrator (`DirectoryPolicy`). A report older than the one held changes
 * nothing and announces nothing; a newer one replaces it and is announced on
 * the outbox (`referral.service.capacity-updated`) in the same transaction.
 *
 * Fails with `InvalidInput` naming the field, `NotFound` (no such service) or
 * `Forbidden` (`referral.directory.not-own-institution`).
 */
import { Errors, type Id, Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Effect, Either } from "effect"
import * as Directory from "./Directory"
import * as DirectoryPolicy from "./DirectoryPolicy"
import { emit } from "./internal/Events"
import { decode } from "./internal/Input"
import { topics } from "./ReferralEvents"
import { ReferralRepository } from "./ReferralRepository"

/**
 * What reporting needs.
 */
export type Requirements = ReferralRepository | SqlClient.SqlClient | Id.IdGenerator | Principal.CurrentPrincipal

const pipeline = UseCase.make({
  span: "ReferralService.reportCapacity",
  decode: (input: { readonly service: Id.ServiceId; readonly capacity: typeof Directory.Capacity.Encoded }) =>
    Effect.map(decode(Directory.Capacity)(input.capacity), (capacity) => ({ service: input.service, capacity })),
  load: ({ service }) =>
    Effect.gen(function* () {
      const held = (yield* (yield* ReferralRepository).directory).services.find((svc) => svc.id === service)
      if (held === undefined) return yield* new Errors.NotFound({ entity: "Service", id: service })
      return { held, principal: yield* Principal.CurrentPrincipal }
    }),
  decide: ({ held, principal }, { capacity }) =>
    Either.map(DirectoryPolicy.requireWriter(principal, held.institution, "capacity.report"), () =>
      Directory.updateCapacity(held, capacity),
    ),
  write: (updated, { held }, { service, capacity }) =>
    Effect.gen(function* () {
      if (updated === held) return held
      yield* (yield* ReferralRepository).updateCapacity(updated)
      yield* emit(topics.capacityUpdated, "Service", service, {
        service,
        available: capacity.available,
        total: capacity.total,
        updatedAt: capacity.updatedAt.toISOString(),
      })
      return updated
    }),
})

/**
 * Reports the capacity of `service` and answers the service as it now stands.
 */
export const report = (
  service: Id.ServiceId,
  input: typeof Directory.Capacity.Encoded,
): Effect.Effect<Directory.Service, Errors.InvalidInput | Errors.NotFound | Errors.Forbidden, Requirements> =>
  pipeline({ service, capacity: input })
