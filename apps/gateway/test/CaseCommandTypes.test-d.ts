// Type tests of the case routes' commands, checked by `pnpm typecheck`: a
// command route hands the service the command its schema decodes (the body,
// the path and the If-Match version together), typed, so it reaches the
// service's decoded entry without a second decode, an `any` or a cast; the
// decoded entry takes no encoded input.
import { type CaseCommands, CaseService } from "@bashke/case"
import type { Id } from "@bashke/kernel"
import { Effect } from "effect"
import { expectTypeOf } from "vitest"
import type { CommandOf } from "../src/routes/Cases"

type CasePath = { readonly caseId: Id.CaseId }

// A command is the schema's decoded command: assignable to what the decoded entry takes.
expectTypeOf<CommandOf<typeof CaseCommands.AddPerson.Type, CasePath>>().toMatchTypeOf<
  typeof CaseCommands.AddPerson.Type
>()
expectTypeOf<
  CommandOf<typeof CaseCommands.RecordOrderEvent.Type, CasePath & { readonly orderId: Id.ProtectionOrderId }>
>().toMatchTypeOf<typeof CaseCommands.RecordOrderEvent.Type>()

// The body is what the path and If-Match do not carry: no `caseId`, no `expectedVersion` of its own.
type AddPersonBody = Omit<CommandOf<typeof CaseCommands.AddPerson.Type, CasePath>, keyof CasePath | "expectedVersion">
expectTypeOf<keyof AddPersonBody>().toEqualTypeOf<"person">()

// A union's members stay told apart by their literal: a closure reason is no reopen reason.
type TransitionCommand = CommandOf<typeof CaseCommands.Transition.Type, CasePath>
expectTypeOf<Extract<TransitionCommand, { readonly command: "close" }>["reason"]>().toEqualTypeOf<
  Extract<typeof CaseCommands.Transition.Type, { readonly command: "close" }>["reason"]
>()
expectTypeOf<TransitionCommand>().toMatchTypeOf<typeof CaseCommands.Transition.Type>()

// The decoded entry takes what the schema decodes to, and answers as the method of the same name.
declare const decoded: CaseService.Decoded
declare const service: CaseService.Service
declare const caseId: Id.CaseId
expectTypeOf(decoded.transition).returns.toEqualTypeOf<ReturnType<CaseService.Service["transition"]>>()
expectTypeOf(decoded.recordOrder).parameter(0).toEqualTypeOf<typeof CaseCommands.RecordOrder.Type>()
export const typed: ReadonlyArray<unknown> = [
  decoded.recordOrderEvent({ caseId, orderId: "o" as Id.ProtectionOrderId, event: "expired", at: new Date() }),
  // @ts-expect-error an instant is a `Date` once decoded, not the string that was sent
  decoded.recordOrderEvent({ caseId, orderId: "o" as Id.ProtectionOrderId, event: "expired", at: "2026-01-01" }),
  // @ts-expect-error a case id is branded once decoded: a plain string was never decoded
  decoded.read({ caseId: "not-decoded" }),
  // The methods still take the encoded command, from callers that hold untrusted input.
  service.read({ caseId: "from-a-plugin" }),
  Effect.flatMap(CaseService.CaseService, (cases) => cases.decoded.readSummary({ caseId })),
]
