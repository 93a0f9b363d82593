/**
 * Progress of long work (migrations) as the output allows: on a terminal one
 * line redrawn in place with a bar; elsewhere (a log, a pipe, CI) one plain
 * line per step, so nothing is lost and nothing is garbled by carriage
 * returns. The words come from the catalogue, in the operator's language.
 */
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

/** The migrations' progress for `Migrations.Progress`. */
export const migrations = (locale: Locale.Locale, output: Output = process.stdout): Migrations.ProgressReporter => {
  const line = (done: number, total: number, migration: Migrations.AppliedMigration) =>
    Catalogue.format(cliMessages, locale, "cli.migrations.progress", {
      done,
      total,
      package: migration.package,
      migration: `${migration.id} ${migration.name}`,
    })
  return {
    planned: () => Effect.void,
    applied: (migration, done, total) =>
      Effect.sync(() => {
        if (output.isTTY === true) {
          // Redrawn in place; the last step ends the line.
          output.write(`\r\x1b[2K${bar(done, total)} ${line(done, total, migration)}${done === total ? "\n" : ""}`)
        } else output.write(`${line(done, total, migration)}\n`)
      }),
  }
}
