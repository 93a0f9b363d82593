/**
 * Progress of long work (migrations, imports) as the output allows: on a terminal one
 * line redrawn in place with a bar; elsewhere (a log, a pipe, CI) one plain
 * line per step, so nothing is lost and nothing is garbled by carriage
 * returns. The words come from the catalogue, in the operator's language.
 */
import type { PluginImport } from "@bashke/gateway/server"
import { Catalogue, type Locale } from "@bashke/kernel"
import type { Migrations } from "@bashke/persistence"
import { Effect } from "effect"
import { cliMessages } from "./CliMessages"

/** Where progress goes: a stream that may be a terminal. */
export interface Output {
  readonly isTTY?: boolean | undefined
  readonly write: (text: string) => unknown
}

/** A bar of `width` cells, `done` of `total` filled. */
export const bar = (done: number, total: number, width = 24): string => {
  const filled = total === 0 ? width : Math.round((done / total) * width)
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`
}

/**
 * Lines of progress on `output`: on a terminal each line redrawn in place over
 * the one before (after a bar when the total is known) until `end` closes it;
 * elsewhere one plain line each.
 */
export const lines = (output: Output) => {
  let open = false
  return {
    show: (line: string, counted?: { readonly done: number; readonly total: number }) =>
      Effect.sync(() => {
        if (output.isTTY !== true) {
          output.write(`${line}\n`)
          return
        }
        output.write(`\r\x1b[2K${counted === undefined ? "" : `${bar(counted.done, counted.total)} `}${line}`)
        open = true
      }),
    /** Ends a line left open on a terminal, so what follows starts on its own. */
    end: Effect.sync(() => {
      if (open) output.write("\n")
      open = false
    }),
  }
}

/** The migrations' progress for `Migrations.Progress`. */
export const migrations = (locale: Locale.Locale, output: Output = process.stdout): Migrations.ProgressReporter => {
  const line = (done: number, total: number, migration: Migrations.AppliedMigration) =>
    Catalogue.format(cliMessages, locale, "cli.migrations.progress", {
      done,
      total,
      package: migration.package,
      migration: `${migration.id} ${migration.name}`,
    })
  const shown = lines(output)
  return {
    planned: () => Effect.void,
    applied: (migration, done, total) =>
      Effect.zipRight(
        shown.show(line(done, total, migration), { done, total }),
        // The last step ends the line.
        done === total ? shown.end : Effect.void,
      ),
  }
}

/**
 * An import's progress (`bashke import`): the pages of each pull as a count
 * (the upstream does not say how many there are), then the records processed
 * as a bar of those that were due. `end` closes the last line.
 */
export const imports = (
  locale: Locale.Locale,
  output: Output = process.stdout,
): PluginImport.Progress & { readonly end: Effect.Effect<void> } => {
  const shown = lines(output)
  let current: string | undefined
  return {
    pulled: (pull, pages, records) =>
      Effect.gen(function* () {
        // A new pull starts its own line.
        if (current !== undefined && current !== pull) yield* shown.end
        current = pull
        yield* shown.show(Catalogue.format(cliMessages, locale, "cli.import.pulled", { pull, pages, records }))
      }),
    processed: (done, total) =>
      Effect.gen(function* () {
        if (current !== undefined) yield* shown.end
        current = undefined
        yield* shown.show(Catalogue.format(cliMessages, locale, "cli.import.processed", { done, total }), {
          done,
          total,
        })
      }),
    end: shown.end,
  }
}
