/**
 * Who carries a decision out and by when: an owner institution that is a
 * member on the meeting's date (`meeting.decision.owner-not-a-member` on
 * `owner`), and a due date that needs an owner
 * (`meeting.decision.due-date-without-owner` on `dueDate`) and is not before
 * the meeting's local day (`meeting.decision.due-in-past` on `dueDate`). A
 * decision may have neither (the mechanism itself adopts a protocol).
 */
import { type CivilDate, Errors, type Id } from "@bashke/kernel"
import { Either } from "effect"

/**
 * The owner and due date of a decision, as given.
 */
export interface Ownership {
  readonly owner?: Id.InstitutionId | undefined
  readonly dueDate?: CivilDate.CivilDate | undefined
}

const invalid = (field: string, rule: string) => Either.left(new Errors.InvalidInput({ field, rule }))

/**
 * The ownership to record (absent fields left out), or the first rule it breaks.
 */
export const check = (
  given: Ownership,
  context: { readonly members: ReadonlyArray<Id.InstitutionId>; readonly meetingDay: CivilDate.CivilDate },
): Either.Either<
  { readonly owner?: Id.InstitutionId; readonly dueDate?: CivilDate.CivilDate },
  Errors.InvalidInput
> => {
  if (given.owner !== undefined && !context.members.includes(given.owner))
    return invalid("owner", "meeting.decision.owner-not-a-member")
  if (given.dueDate !== undefined && given.owner === undefined)
    return invalid("dueDate", "meeting.decision.due-date-without-owner")
  if (given.dueDate !== undefined && given.dueDate < context.meetingDay)
    return invalid("dueDate", "meeting.decision.due-in-past")
  return Either.right({
    ...(given.owner === undefined ? {} : { owner: given.owner }),
    ...(given.dueDate === undefined ? {} : { dueDate: given.dueDate }),
  })
}
