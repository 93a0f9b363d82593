// The dead inbox records of a test host (the plugin has no subscriptions, so
// there are no dead events), as `[recordId, lastError]` pairs.
import type { TestHost } from "@bashke/plugin-sdk/testing"
import { Effect } from "effect"

export const deadRecords = (test: TestHost.TestHost) =>
  Effect.map(test.deadLetters, (letters) =>
    letters.flatMap((letter) => (letter._tag === "DeadRecord" ? [[letter.recordId, letter.lastError] as const] : [])),
  )
