// Imports: a pull run once with its saved cursor; the records it returns (and a
// webhook's) sealed as one batch and written to the inbox with the next cursor
// in one transaction; the pull's last runs kept in memory for status.
import { SqlValues } from "@bashke/persistence"
import { Effect, Option, Ref } from "effect"
import type { ImportedRecord } from "../../Hooks"
import type * as PluginFailure from "../../PluginFailure"
import * as BatchPayload from "../BatchPayload"
import type * as Startup from "../Startup"
import * as Store from "../Store"
import { aadOf, type Host, isRecordId, isSourceName, type PullOutcome, type PullState } from "./Host"

/** @internal */
export const make = (host: Host) => {
  const { sql, vault, nextId, options, pullStates } = host
  // Seals the batch, then writes rows, batch and cursor in one transaction.
  const importRecords = (
    p: Startup.Running,
    defaultSource: string,
    records: ReadonlyArray<ImportedRecord>,
    cursor: { readonly name: string; readonly value: string } | undefined,
    pull: string | undefined,
  ): Effect.Effect<Store.Written, PluginFailure.Classified> =>
    Effect.gen(function* () {
      const seen = new Set<string>()
      const accepted: Array<{ readonly source: string; readonly recordId: string; readonly payload: unknown }> = []
      let duplicates = 0
      for (const record of records) {
        const source = record?.source ?? defaultSource
        if (!isSourceName(source) || !isRecordId(record?.recordId))
          return yield* Effect.fail({ permanent: false, code: "record.id-invalid" })
        const key = `${source}\u0000${record.recordId}`
        if (seen.has(key)) {
          duplicates++
          continue
        }
        seen.add(key)
        accepted.push({ source, recordId: record.recordId, payload: record.payload })
      }
      const batchId = yield* nextId
      let sealed = ""
      const rows: Array<Store.NewRecord> = []
      if (accepted.length > 0) {
        const text = yield* Effect.try({
          try: () => BatchPayload.encode(accepted.map((record) => record.payload ?? null)),
          catch: () => ({ permanent: false, code: "record.not-json" }),
        })
        sealed = yield* vault.seal(text, aadOf(p.identity.name, batchId))
        // The batch's id and the position: unique, and in arrival order as text.
        for (const [position, record] of accepted.entries()) {
          rows.push({
            id: `${batchId}-${String(position).padStart(6, "0")}`,
            source: record.source,
            recordId: record.recordId,
            position,
          })
        }
      }
      const probe = options.probe
      const written = yield* Store.writeImport(sql, {
        plugin: p.identity.name,
        batchId,
        sealed,
        records: rows,
        ...(cursor === undefined ? {} : { cursor }),
        ...(probe?.beforeCommit === undefined ? {} : { beforeCommit: probe.beforeCommit(p.identity.name, pull) }),
      }).pipe(
        Effect.catchAllCause((cause) =>
          Effect.logWarning("plugin import not stored").pipe(
            Effect.annotateLogs({ plugin: p.identity.name }),
            Effect.annotateLogs("cause", cause._tag),
            Effect.zipRight(Effect.fail({ permanent: false, code: "store.failed" })),
          ),
        ),
      )
      if (probe?.afterCommit !== undefined) yield* probe.afterCommit(p.identity.name, pull)
      return { inserted: written.inserted, duplicates: written.duplicates + duplicates }
    })

  const recordPull = (p: Startup.Running, pull: string, outcome: PullOutcome) =>
    Effect.gen(function* () {
      const at = yield* SqlValues.currentDate
      const key = `${p.identity.name}\u0000${pull}`
      yield* Ref.update(pullStates, (map) => {
        const before = map.get(key)
        const failed = outcome._tag === "Failed"
        const state: PullState = {
          lastRunAt: at,
          lastOutcome: outcome._tag === "Pulled" ? "pulled" : failed ? "failed" : "refused",
          ...(outcome._tag === "Failed" ? { lastError: outcome.code } : {}),
          consecutiveFailures:
            outcome._tag === "Pulled" ? 0 : (before?.consecutiveFailures ?? 0) + (outcome._tag === "Failed" ? 1 : 0),
        }
        return new Map(map).set(key, state)
      })
      if (outcome._tag === "Failed")
        yield* Effect.logWarning("plugin pull failed").pipe(
          Effect.annotateLogs({ plugin: p.identity.name, pull, code: outcome.code }),
        )
    })

  const pullOnce = (p: Startup.Running, pull: Startup.RunningPull): Effect.Effect<PullOutcome> =>
    Effect.gen(function* () {
      const cursor = yield* Store.readCursor(sql, p.identity.name, pull.name).pipe(Effect.orDie)
      const ran = yield* p.guard.run(`pull:${pull.name}`, p.timeouts.pull, pull.run(cursor))
      if (ran._tag === "Refused") return ran
      if (ran._tag === "Failed") return { _tag: "Failed", ...ran.failure } as const
      const result = ran.value
      if (typeof result !== "object" || result === null || !Array.isArray(result.records))
        return { _tag: "Failed", code: "pull.result-invalid", permanent: false } as const
      if (result.cursor !== undefined && typeof result.cursor !== "string")
        return { _tag: "Failed", code: "pull.cursor-invalid", permanent: false } as const
      const next =
        result.cursor === undefined || Option.contains(cursor, result.cursor)
          ? undefined
          : { name: pull.name, value: result.cursor }
      if (result.records.length === 0 && next === undefined)
        return { _tag: "Pulled", inserted: 0, duplicates: 0, cursor, more: result.more === true } as const
      return yield* importRecords(p, pull.source, result.records, next, pull.name).pipe(
        Effect.map(
          (written): PullOutcome => ({
            _tag: "Pulled",
            ...written,
            cursor: next === undefined ? cursor : Option.some(next.value),
            more: result.more === true,
          }),
        ),
        Effect.catchAll((failure) => Effect.succeed<PullOutcome>({ _tag: "Failed", ...failure })),
      )
    }).pipe(
      Effect.catchAllCause(() =>
        Effect.succeed<PullOutcome>({ _tag: "Failed", code: "host.defect", permanent: false }),
      ),
      Effect.tap((outcome) => recordPull(p, pull.name, outcome)),
    )

  return { importRecords, pullOnce }
}
