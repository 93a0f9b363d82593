// Decodes a use case's input with its schema. A failure becomes the kernel's
// `InvalidInput`: `field` is the path of the first offending field, `rule` the
// catalogue key the schema reported, or `meeting.input.invalid` when the
// schema's own message is not a key (a missing field, a wrong type).
import { Catalogue, Errors, kernelMessages } from "@bashke/kernel"
import { Effect, ParseResult, Schema } from "effect"
import { meetingMessages } from "../MeetingMessages"

export const decodeInput =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (input: unknown): Effect.Effect<A, Errors.InvalidInput> =>
    Schema.decodeUnknown(schema, { errors: "first", onExcessProperty: "ignore" })(input).pipe(
      Effect.mapError((error) => {
        const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
        const field = issue === undefined || issue.path.length === 0 ? "input" : issue.path.join(".")
        const message = issue?.message ?? ""
        const rule =
          Catalogue.has(meetingMessages, message) || Catalogue.has(kernelMessages, message)
            ? message
            : "meeting.input.invalid"
        return new Errors.InvalidInput({ field, rule })
      }),
    )
