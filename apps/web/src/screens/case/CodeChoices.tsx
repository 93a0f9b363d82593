/**
 * A group of checkboxes for a list of codes (the safe ways to reach her, the
 * topics she was told about, a review's outcomes): a legend, one box per
 * code with its words, and the problem about the list beneath.
 */
import { FieldError, invalidProps, type Problem } from "../../FieldProblem"

export const CodeChoices = <C extends string>({
  field,
  scope,
  legend,
  codes,
  labelOf,
  value,
  onChange,
  problem,
}: {
  readonly field: string
  readonly scope: string
  readonly legend: string
  readonly codes: ReadonlyArray<C>
  readonly labelOf: (code: C) => string
  readonly value: ReadonlyArray<C>
  readonly onChange: (codes: ReadonlyArray<C>) => void
  readonly problem: Problem | undefined
}) => (
  <fieldset className="field" {...invalidProps(problem, field, undefined, scope)}>
    <legend>{legend}</legend>
    {codes.map((code) => (
      <label key={code} className="choice">
        <input
          type="checkbox"
          name={`${scope}-${field}`}
          value={code}
          checked={value.includes(code)}
          onChange={(event) =>
            onChange(
              event.currentTarget.checked
                ? codes.filter((each) => each === code || value.includes(each))
                : value.filter((each) => each !== code),
            )
          }
        />
        <span>{labelOf(code)}</span>
      </label>
    ))}
    <FieldError problem={problem} field={field} scope={scope} />
  </fieldset>
)
