// Shared set-up: the plugin's configuration for a fake upstream, and person
// matching answers.

import { Id } from "@bashke/kernel"
import type { PersonMatch } from "@bashke/plugin-sdk"
import { caseId, personId } from "./FakePolice"

export const apiKey = "test-api-key-123"

/**
 * The deadline of one upstream call when the test expects an answer: generous,
 * so a loaded machine never turns an answer into `upstream.timeout`.
 */
export const answerDeadline = 30_000

/**
 * The deadline for a test that expects `upstream.timeout`: the fake never
 * answers then, so a short deadline is safe at any machine speed.
 */
export const silenceDeadline = 100

export const config = (baseUrl: string, extra: Record<string, unknown> = {}) => ({
  baseUrl,
  apiKey,
  pageSize: 10,
  timeoutMillis: answerDeadline,
  ...extra,
})

/** Every victim matched to one case; perpetrators not found. */
export const matchVictims = (query: PersonMatch.PersonQuery): PersonMatch.MatchResult =>
  query.personalNumber?.startsWith("1") === true
    ? { _tag: "Matched", caseId: Id.CaseId.make(caseId), personId: Id.PersonId.make(personId) }
    : { _tag: "NoMatch" }
