/**
 * A labelled text area (a note, what was said, her wishes), its problem
 * beneath — the multi-line sibling of `Fields`' `TextInput`.
 */
import { FieldError, inputId, invalidProps, type Problem } from "../../FieldProblem"

export const TextArea = ({
  field,
  scope,
  label,
  value,
  onChange,
  problem,
  rows = 4,
}: {
  readonly field: string
  readonly scope: string
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly problem: Problem | undefined
  readonly rows?: number
}) => (
  <div className="field">
    <label htmlFor={inputId(field, scope)}>{label}</label>
    <textarea
      id={inputId(field, scope)}
      rows={rows}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...invalidProps(problem, field, undefined, scope)}
    />
    <FieldError problem={problem} field={field} scope={scope} />
  </div>
)
