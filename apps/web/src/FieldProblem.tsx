/**
 * A form's problem next to the field it is about: from a decode by the API's
 * own schema before sending (the rule's message), or from the API's answer
 * (its localized problem, which names the field by path: `persons.0.sex`).
 * A problem about no field shows above the form.
 */
import { BashkeProblem } from "@bashke/client"
import { ParseResult } from "effect"
import type { Text } from "./Text"

export interface Problem {
  /** The field's path as the API names it (`persons.0.relationship`); undefined: the whole form. */
  readonly field: string | undefined
  readonly text: string
}

/** The first issue of a decode, at `prefix` + its path, in the reader's language. */
export const fromDecode = (error: ParseResult.ParseError, text: Text, prefix = ""): Problem => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  const path = (issue?.path ?? []).map(String).join(".")
  const field = `${prefix}${path}`
  return { field: field === "" ? undefined : field, text: text.label(issue?.message ?? "web.error.title") }
}

/** The API's refusal: its localized rule (or title) at the field it names. */
export const fromApi = (error: unknown, text: Text, prefix = ""): Problem =>
  BashkeProblem.is(error)
    ? {
        field: error.field === undefined || error.location === "header" ? undefined : `${prefix}${error.field}`,
        text: error.detail ?? error.title,
      }
    : { field: undefined, text: text.t("web.error.title") }

const idOf = (field: string) => field.replace(/[^A-Za-z0-9-]/g, "-")

/** The element id of a field's error message (`scope` tells apart forms of one page with a field of one name). */
export const errorId = (field: string, scope?: string): string =>
  `error-${scope === undefined ? "" : `${scope}-`}${idOf(field)}`

/** The element id of a field's control (`input-persons-0-sex` for `persons.0.sex`). */
export const inputId = (field: string, scope?: string): string =>
  `input-${scope === undefined ? "" : `${scope}-`}${idOf(field)}`

/** Whether a problem is about `field` or something inside it (`persons.0` for `persons.0.sex`). */
export const isAbout = (problem: Problem | undefined, field: string): boolean =>
  problem?.field !== undefined && (problem.field === field || problem.field.startsWith(`${field}.`))

/** The message under a field, when the problem is about it. */
export const FieldError = ({
  problem,
  field,
  scope,
}: {
  readonly problem: Problem | undefined
  readonly field: string
  readonly scope?: string | undefined
}) =>
  isAbout(problem, field) ? (
    <p className="error" id={errorId(field, scope)} role="alert">
      {problem?.text}
    </p>
  ) : null

/** The form-wide message, when the problem names no field (or one the form does not show). */
export const FormError = ({
  problem,
  shown,
}: {
  readonly problem: Problem | undefined
  readonly shown: (field: string) => boolean
}) =>
  problem !== undefined && (problem.field === undefined || !shown(problem.field)) ? (
    <p className="error" role="alert">
      {problem.text}
    </p>
  ) : null

/** The props that tie an input to its problem (and its hint). */
export const invalidProps = (problem: Problem | undefined, field: string, hint?: string, scope?: string) => {
  const about = isAbout(problem, field)
  const described = [hint, about ? errorId(field, scope) : undefined].filter(Boolean).join(" ")
  return {
    "aria-invalid": about,
    ...(described === "" ? {} : { "aria-describedby": described }),
  }
}
