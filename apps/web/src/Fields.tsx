/**
 * The form fields of the case screens: a label, the control (its id from the
 * field's path, so the API's problem finds it), and the problem beneath.
 */
import { FieldError, inputId, invalidProps, type Problem } from "./FieldProblem"

/** A labelled select of codes, its problem beneath. */
export const Select = ({
  field,
  label,
  value,
  options,
  onChange,
  problem,
  empty,
  scope,
  names,
}: {
  readonly field: string
  readonly label: string
  readonly value: string
  readonly options: ReadonlyArray<readonly [string, string]>
  readonly onChange: (value: string) => void
  readonly problem: Problem | undefined
  readonly empty?: string
  /** Tells apart the forms of one page that have a field of the same name. */
  readonly scope?: string
  /** The options are names (of places, institutions), not the app's words: marked `translate="no"`. */
  readonly names?: boolean
}) => (
  <div className="field">
    <label htmlFor={inputId(field, scope)}>{label}</label>
    <select
      id={inputId(field, scope)}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...invalidProps(problem, field, undefined, scope)}
    >
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map(([code, text]) => (
        <option key={code} value={code} {...(names === true ? { translate: "no" as const } : {})}>
          {text}
        </option>
      ))}
    </select>
    <FieldError problem={problem} field={field} scope={scope} />
  </div>
)

/** A labelled input, its problem beneath. */
export const TextInput = ({
  field,
  label,
  value,
  onChange,
  problem,
  type = "text",
  scope,
}: {
  readonly field: string
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly problem: Problem | undefined
  readonly type?: string
  readonly scope?: string
}) => (
  <div className="field">
    <label htmlFor={inputId(field, scope)}>{label}</label>
    <input
      id={inputId(field, scope)}
      type={type}
      value={value}
      autoComplete="off"
      onChange={(event) => onChange(event.currentTarget.value)}
      {...invalidProps(problem, field, undefined, scope)}
    />
    <FieldError problem={problem} field={field} scope={scope} />
  </div>
)
