/**
 * The coordinator's edits of an agenda the rule built (`Agenda.build`): topics
 * of their own, each in a section, and items of the rule left out by key
 * (`Agenda.keyOf`). The rule stays the source: an item that appears later
 * (an action item decided since, a case that now meets the criteria) shows
 * unless its key was left out, and the edits are stored apart from it.
 *
 * - a topic goes at the end of its section, in the order given; topics under
 *   other business follow its heading;
 * - the confidentiality statement and the other-business heading stay
 *   (`meeting.agenda.item-fixed` on `omitted.<i>`); a key names an item of the
 *   rule or nothing (`meeting.agenda.key-invalid`);
 * - at most {@link maxTopics} topics (`meeting.agenda.too-many-topics`);
 * - an agenda is edited while its meeting is scheduled, before it is held.
 */
import { Errors } from "@bashke/kernel"
import { Either, Schema } from "effect"
import * as Agenda from "./Agenda"

/**
 * The most topics an agenda takes.
 */
export const maxTopics = 30

/**
 * A topic as stored.
 */
export const Topic = Schema.Struct({
  id: Agenda.TopicId,
  section: Agenda.TopicSection,
  title: Agenda.TopicTitle,
}).annotations({ identifier: "AgendaTopic" })

export type Topic = typeof Topic.Type

/**
 * The edits of one agenda.
 */
export const Edits = Schema.Struct({
  topics: Schema.Array(Topic),
  omitted: Schema.Array(Schema.String),
}).annotations({ identifier: "AgendaEdits" })

export type Edits = typeof Edits.Type

/**
 * No edits: the rule's agenda as built.
 */
export const none: Edits = { topics: [], omitted: [] }

const keyPattern = /^(?:action-item|referral|case-review|anniversary):[0-9A-HJKMNP-TV-Z]{26}$/
const fixed: ReadonlySet<string> = new Set(["confidentiality", "other-business"])

/**
 * The rules on edits, first broken first: too many topics, a fixed item left
 * out, a key of no item the rule makes.
 */
export const check = (edits: Edits): Either.Either<Edits, Errors.InvalidInput> => {
  if (edits.topics.length > maxTopics)
    return Either.left(new Errors.InvalidInput({ field: "topics", rule: "meeting.agenda.too-many-topics" }))
  for (const [index, key] of edits.omitted.entries()) {
    if (fixed.has(key))
      return Either.left(new Errors.InvalidInput({ field: `omitted.${index}`, rule: "meeting.agenda.item-fixed" }))
    if (!keyPattern.test(key))
      return Either.left(new Errors.InvalidInput({ field: `omitted.${index}`, rule: "meeting.agenda.key-invalid" }))
  }
  return Either.right({ topics: edits.topics, omitted: [...new Set(edits.omitted)] })
}

/**
 * The agenda with the edits applied. Pure: the rule's items keep their order,
 * those left out are dropped (and listed in `omitted`), each topic goes at the
 * end of its section.
 */
export const apply = (agenda: Agenda.Agenda, edits: Edits): Agenda.Agenda => {
  const omitted = new Set(edits.omitted)
  const kept = agenda.items.filter((item) => !omitted.has(Agenda.keyOf(item)))
  const items: Array<Agenda.Item> = []
  for (const section of Agenda.sections) {
    items.push(...kept.filter((item) => Agenda.sectionOf(item) === section))
    items.push(
      ...edits.topics
        .filter((topic) => topic.section === section)
        .map((topic) => ({ _tag: "Topic" as const, topicId: topic.id, section: topic.section, title: topic.title })),
    )
  }
  return {
    ...agenda,
    items,
    ...(omitted.size === 0 ? {} : { omitted: agenda.items.map(Agenda.keyOf).filter((key) => omitted.has(key)) }),
  }
}
