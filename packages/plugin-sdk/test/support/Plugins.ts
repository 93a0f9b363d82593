// Plugins the host's tests run, over an in-memory upstream the tests steer:
// pages of records behind a numeric cursor, failures on demand, duplicates
// and out-of-order pages.
import { Id, Municipality } from "@bashke/kernel"
import { Deferred, Effect, Option, Schema } from "effect"
import { definePlugin, PluginFailure } from "../../src/index"

/** A police-like record as the fake upstream serves it. */
export interface UpstreamRecord {
  readonly id: string
  readonly occurredOn: string
  readonly victim: string
  readonly forms: ReadonlyArray<string>
}

/** The fake upstream: its records, and what the next calls should do. */
export interface Upstream {
  records: Array<UpstreamRecord>
  pageSize: number
  /** Records each page repeats from the previous page (an upstream whose cursor is inclusive). */
  overlap: number
  /** The next this many calls fail (transiently). */
  failures: number
  /** The next calls never answer (and complete `hung` when they start). */
  hang: boolean
  hung?: Deferred.Deferred<void>
  calls: Array<Option.Option<string>>
}

export const upstream = (count: number, pageSize = 10): Upstream => ({
  records: Array.from({ length: count }, (_, i) => record(i)),
  pageSize,
  overlap: 0,
  failures: 0,
  hang: false,
  calls: [],
})

export const record = (i: number): UpstreamRecord => ({
  id: `PK-2026-${String(i).padStart(6, "0")}`,
  occurredOn: "2026-02-01",
  victim: `Arta Krasniqi ${i}`,
  forms: ["physical"],
})

export const caseId = Id.CaseId.make("01JC0000000000000000000001")

const Payload = Schema.Struct({
  id: Schema.String,
  occurredOn: Schema.String,
  victim: Schema.String,
  forms: Schema.NonEmptyArray(Schema.String),
})

const Config = Schema.Struct({
  baseUrl: Schema.String.pipe(Schema.startsWith("http")),
  municipality: Schema.optionalWith(Municipality.MunicipalityCode, {
    default: () => Municipality.MunicipalityCode.make("GJI"),
  }),
})

/** Pulls pages from the upstream, processes them into incidents, and takes records by webhook too. */
export const importer = (source: Upstream, name = "@bashke/plugin-importer") =>
  definePlugin({
    manifest: {
      name,
      version: "0.1.0",
      hostApi: "^0.1.0",
      config: Config,
      capabilities: ["schedule:pull", "incidents:import", "routes:webhook"],
      optionalCapabilities: ["notices:send"],
    },
    setup: (context) => ({
      pulls: [
        {
          name: "incidents",
          every: "1 minute",
          source: "incidents-api",
          run: (cursor) =>
            Effect.gen(function* () {
              source.calls.push(cursor)
              if (source.hang) {
                if (source.hung !== undefined) yield* Deferred.succeed(source.hung, undefined)
                return yield* Effect.never
              }
              if (source.failures > 0) {
                source.failures--
                return yield* new PluginFailure.PluginFailure({ code: "upstream.unavailable" })
              }
              const from = Math.max(0, Number(Option.getOrElse(cursor, () => "0")) - source.overlap)
              const page = source.records.slice(from, from + source.pageSize)
              const next = Math.min(source.records.length, from + source.pageSize)
              return {
                records: page.map((r) => ({ recordId: r.id, payload: r })),
                cursor: String(next),
                more: next < source.records.length,
              }
            }),
        },
      ],
      process: (inbox) =>
        Effect.gen(function* () {
          const payload = yield* Schema.decodeUnknown(Payload)(inbox.payload).pipe(
            Effect.mapError(() => new PluginFailure.PluginFailure({ code: "record.malformed", permanent: true })),
          )
          yield* context.incidents.record({
            source: inbox.source,
            recordId: inbox.recordId,
            caseId,
            occurredOn: payload.occurredOn,
            municipality: context.config.municipality,
            forms: payload.forms,
          })
        }),
      webhooks: [
        {
          method: "POST",
          path: "/records",
          source: "incidents-api",
          handle: (request) =>
            Effect.gen(function* () {
              const body = request.json()
              if (!Array.isArray(body))
                return yield* new PluginFailure.PluginFailure({ code: "body.not-a-list", permanent: true })
              return {
                status: 202,
                body: { accepted: body.length },
                records: (body as Array<UpstreamRecord>).map((r) => ({ recordId: r.id, payload: r })),
              }
            }),
        },
        {
          method: "GET",
          path: "/status/:reference",
          handle: (request) => Effect.succeed({ status: 200, body: { reference: request.params.reference } }),
        },
      ],
    }),
  })

/** Whether each delivery succeeds: the tests flip it. */
export interface Receiver {
  fail: "no" | "transient" | "permanent" | "hang"
  /** Completed when a delivery starts to hang. */
  hung?: Deferred.Deferred<void>
  received: Array<{ readonly id: string; readonly topic: string; readonly attempts: number }>
}

export const receiver = (): Receiver => ({ fail: "no", received: [] })

/** Subscribes to referral events. */
export const subscriber = (target: Receiver, name = "@bashke/plugin-subscriber", from?: "beginning") =>
  definePlugin({
    manifest: {
      name,
      version: "1.2.0",
      hostApi: ">=0.1.0 <0.3.0",
      config: Schema.Struct({}),
      capabilities: ["events:subscribe"],
    },
    setup: () => ({
      subscriptions: [
        {
          name: "referrals",
          topics: ["referral.*", "case.case.opened"],
          ...(from === undefined ? {} : { from }),
          handle: (event) =>
            Effect.gen(function* () {
              target.received.push({ id: event.id, topic: event.topic, attempts: event.attempts })
              if (target.fail === "hang") {
                if (target.hung !== undefined) yield* Deferred.succeed(target.hung, undefined)
                return yield* Effect.never
              }
              if (target.fail === "transient")
                return yield* new PluginFailure.PluginFailure({ code: "upstream.unavailable" })
              if (target.fail === "permanent")
                return yield* new PluginFailure.PluginFailure({ code: "event.unsupported", permanent: true })
            }),
        },
      ],
    }),
  })
