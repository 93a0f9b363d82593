import { Effect } from "effect"
import { run } from "./Cli"
import { cliLocale } from "./Locale"

Effect.runPromise(run(process.argv.slice(2), cliLocale())).then(({ exitCode, serves }) => {
  // A server leaves handles open (pools, plugin loops) after it closed what it owns.
  if (serves) process.exit(exitCode)
  process.exitCode = exitCode
})
