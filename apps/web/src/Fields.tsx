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
}: {
  readonly field: string
  readonly label: string
  readonly value: string
  readonly options: ReadonlyArray<readonly [string, string]>
  readonly onChange: (value: string) => void
  readonly problem: Problem | undefined
  readonly empty?: string
}) => (
  <div className="field">
    <label htmlFor={inputId(field)}>{label}</label>
    <select
      id={inputId(field)}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...invalidProps(problem, field)}
    >
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map(([code, text]) => (
        <option key={code} value={code}>
          {text}
        </option>
      ))}
    </select>
    <FieldError problem={problem} field={field} />
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
}: {
  readonly field: string
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly problem: Problem | undefined
  readonly type?: string
}) => (
  <div className="field">
    <label htmlFor={inputId(field)}>{label}</label>
    <input
      id={inputId(field)}
      type={type}
      value={value}
      autoComplete="off"
      onChange={(event) => onChange(event.currentTarget.value)}
      {...invalidProps(problem, field)}
    />
    <FieldError problem={problem} field={field} />
  </div>
)
