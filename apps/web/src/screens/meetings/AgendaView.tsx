/**
 * An agenda as read: its items under their sections' headings, each titled
 * by the meeting package's own rule (`Agenda.title`) in the reader's
 * language. Case items show the reference, grounds, risk and sectors only;
 * institutions appear by name. Used on the meeting's page and in its
 * printable record.
 */

import type { Schemas } from "@bashke/client"
import { Agenda } from "@bashke/meeting"
import type { ReactNode } from "react"
import { nameOf } from "../../Institutions"
import { profile } from "../../MeetingData"
import { useText } from "../../Text"

/** An item's line: the rule's title, and the institution it names (an owner, a receiving institution). */
export const ItemTitle = ({
  item,
  names,
}: {
  readonly item: Agenda.Item
  readonly names: Schemas["InstitutionNames"]
}) => {
  const { locale, label } = useText()
  const institution =
    item._tag === "ActionItemReview" ? item.owner : item._tag === "OverdueReferral" ? item.to : undefined
  return (
    <>
      <span translate={item._tag === "Topic" ? "no" : undefined}>{Agenda.title(item, locale, profile)}</span>
      {institution !== undefined && <span className="meta"> · {nameOf(names, institution, locale)}</span>}
      {item._tag === "CaseReview" && (
        <span className="meta">
          {" "}
          · {item.reasons.map((reason) => label(`meeting.conference-reason.${reason}`)).join(", ")}
        </span>
      )}
    </>
  )
}

/** The items under their sections' headings; `control` adds something after an item (the editor's checkbox). */
export const AgendaView = ({
  agenda,
  names,
  headingLevel = 3,
  control,
}: {
  readonly agenda: Agenda.Agenda
  readonly names: Schemas["InstitutionNames"]
  readonly headingLevel?: 2 | 3
  readonly control?: (item: Agenda.Item) => ReactNode
}) => {
  const { locale } = useText()
  const Heading = headingLevel === 2 ? "h2" : "h3"
  return (
    <ol className="agenda">
      {Agenda.sections.map((section) => {
        const items = agenda.items.filter((item) => Agenda.sectionOf(item) === section)
        if (items.length === 0) return null
        return (
          <li key={section} className="agenda-section" data-section={section}>
            <Heading>{Agenda.sectionTitle(section, locale)}</Heading>
            <ul>
              {items
                .filter((item) => item._tag !== "OtherBusiness" || items.length === 1)
                .map((item) => (
                  <li key={Agenda.keyOf(item)} data-key={Agenda.keyOf(item)} data-testid="agenda-item">
                    <ItemTitle item={item} names={names} />
                    {control?.(item)}
                  </li>
                ))}
            </ul>
          </li>
        )
      })}
    </ol>
  )
}
