// Compiled by `tsc` in the package's typecheck (not run): the service's
// commands are typed with the model's literals, so an npm consumer's wrong
// command, or a reason of the wrong command, is a compile error — not a
// refusal found at run time. Each `@ts-expect-error` fails the typecheck if
// the line it marks ever compiles.
import type { CaseCommands, CaseService } from "../src/index"

declare const cases: CaseService.Service
declare const caseId: string

export const typed: ReadonlyArray<unknown> = [
  cases.transition({ caseId, command: "assess" }),
  cases.transition({ caseId, command: "close", reason: "risk-reduced", expectedVersion: 3 }),
  cases.transition({ caseId, command: "reopen", reason: "new-incident" }),
  // @ts-expect-error not a command of the lifecycle
  cases.transition({ caseId, command: "archive" }),
  // @ts-expect-error not a closure reason
  cases.transition({ caseId, command: "close", reason: "tired" }),
  // @ts-expect-error a reopen reason is not a closure reason
  cases.transition({ caseId, command: "close", reason: "new-incident" }),
  // @ts-expect-error only close and reopen carry a reason
  cases.transition({ caseId, command: "assess", reason: "risk-reduced" }),
]

// The input type a caller builds is the same union.
export const input: CaseCommands.Transition = { caseId, command: "reopen", reason: "order-breached" }
