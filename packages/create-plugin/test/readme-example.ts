// The README's example, import pointed at the sources; `Readme.test.ts` imports
// it from a scratch working directory, so it writes the project there.
import { Starter } from "../src/index"

// Writes ./plugin-shelter (a new or empty folder); answers the files written, relative to it.
Starter.generate({ directory: "plugin-shelter", name: "@acme/plugin-shelter" })
