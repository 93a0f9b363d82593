/**
 * Which store a Worker runs on, from its bindings (docs/adr/0003-workers-store.md):
 *
 * - `HYPERDRIVE` (PostgreSQL through Hyperdrive): reads and writes. The Worker
 *   applies pending migrations when its isolate starts, as the Node entry does
 *   at start; PostgreSQL serialises concurrent runners on an advisory lock.
 * - otherwise `DB` (Cloudflare D1): read-only. D1 has no interactive
 *   transactions, and every change needs one (idempotency key, row, audit and
 *   outbox together), so the app answers every change with 503
 *   `gateway.store.read-only`. Nothing migrates a D1 store from the Worker: a
 *   migration there is not atomic, and isolates starting together would race.
 */
import { D1Client } from "@bashke/persistence/d1"
import type { SqlClient } from "@effect/sql"
import { Layer } from "effect"
import * as HyperdriveClient from "./HyperdriveClient"

/** The bindings that name a store. */
export interface StoreBindings {
  readonly HYPERDRIVE?: HyperdriveClient.Hyperdrive
  readonly DB?: D1Client.D1Database
}

/** `waitUntil` of the Worker's execution context: work that may finish after the response. */
export type WaitUntil = (promise: Promise<unknown>) => void

export interface WorkersStore {
  readonly kind: "postgres" | "d1"
  /** The client, built once per isolate. */
  readonly layer: Layer.Layer<SqlClient.SqlClient>
  /** Serves one request: with its own connections where the store has connections. */
  readonly serve: <A>(work: () => Promise<A>, waitUntil: WaitUntil) => Promise<A>
  /** Answer every change with 503 (no transactions on this store). */
  readonly readOnly: boolean
  /** Apply pending migrations when the isolate starts. */
  readonly migrate: boolean
}

/** The store for `env`, or `undefined` when the Worker has neither binding. */
export const fromBindings = (env: StoreBindings): WorkersStore | undefined => {
  if (env.HYPERDRIVE !== undefined) {
    const hyperdrive = env.HYPERDRIVE
    return {
      kind: "postgres",
      layer: HyperdriveClient.layer(hyperdrive),
      serve: (work, waitUntil) => HyperdriveClient.withConnections(hyperdrive, work, waitUntil),
      readOnly: false,
      migrate: true,
    }
  }
  if (env.DB !== undefined) {
    return {
      kind: "d1",
      layer: Layer.orDie(D1Client.layer({ db: env.DB })),
      // A D1 binding is not a connection: any request may use it.
      serve: (work) => work(),
      readOnly: true,
      migrate: false,
    }
  }
  return undefined
}
