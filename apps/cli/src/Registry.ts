/**
 * The commands and the one catalogue they speak from: the shared part and each
 * command's own.
 */
import { Catalogue } from "@bashke/kernel"
import { cliMessages } from "./CliMessages"
import { commands } from "./commands/index"

export { commands }

/** Every message of `bashke`: a key claimed twice throws here, at start-up. */
export const catalogue: Catalogue.Catalogue<string> = Catalogue.merge(
  cliMessages,
  ...commands.map((command) => command.messages),
)
