// The README's example, type-checked with the package (test/ is in tsconfig.json) and run by
// Readme.test.ts, which also checks that README.md shows exactly this code (import path aside).
import { Starter } from "../src/index"

export const main = (directory: string) => {
  // README: begin
  Starter.generate({ directory, name: "@acme/plugin-shelter" })
  // README: end
}
