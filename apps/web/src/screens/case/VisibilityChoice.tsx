/**
 * Who may read a note, as radio buttons: the whole case team, its
 * full-access members, or the author's institution.
 */
import { CaseNote } from "@bashke/case"
import { FieldError, invalidProps, type Problem } from "../../FieldProblem"
import { useText } from "../../Text"

export const VisibilityChoice = ({
  scope,
  value,
  onChange,
  problem,
}: {
  /** Tells apart the forms of one page (the note being written, each correction). */
  readonly scope: string
  readonly value: CaseNote.Visibility
  readonly onChange: (visibility: CaseNote.Visibility) => void
  readonly problem: Problem | undefined
}) => {
  const { t } = useText()
  return (
    <fieldset className="field" {...invalidProps(problem, "visibility", undefined, scope)}>
      <legend>{t("web.notes.visibility")}</legend>
      {CaseNote.Visibility.literals.map((each) => (
        <label key={each} className="choice">
          <input
            type="radio"
            name={`${scope}-visibility`}
            value={each}
            checked={value === each}
            onChange={() => onChange(each)}
          />
          <span>{t(`web.notes.visibility.${each}`)}</span>
        </label>
      ))}
      <FieldError problem={problem} field="visibility" scope={scope} />
    </fieldset>
  )
}
