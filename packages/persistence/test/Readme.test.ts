// Runs the README's quick start (imports pointed at the sources) so it cannot rot.
import { expect, it } from "@effect/vitest"
import { main } from "./readme-example"

it("the README example migrates, writes with the outbox in a transaction and reads pending events", async () => {
  const topics = await main()
  expect(topics).toStrictEqual(["note.written"])
})
