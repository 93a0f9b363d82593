/**
 * A subject-access export as a readable PDF: text, not images, in the
 * requested language (headings and labels from the message catalogue; her
 * own words as written), so the data protection officer can hand it to her
 * and a screen reader or `pdftotext` can read it. Drawn with `pdf-lib` (pure
 * JavaScript: Node and Workers) in a font the caller gives — one with the
 * Latin and Cyrillic letters of every locale (the gateway gives DejaVu Sans),
 * embedded as a subset of the glyphs used.
 *
 * Dates and times are written in UTC (ISO 8601), the same in every language,
 * so an entry can be matched with the audit log's.
 */
import { Catalogue, type Id, type Locale } from "@bashke/kernel"
import { securityMessages } from "@bashke/security"
import fontkit from "@pdf-lib/fontkit"
import { Effect } from "effect"
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib"
import { caseMessages } from "./CaseMessages"
import { caseworkMessages } from "./CaseworkMessages"
import { documentMessages } from "./DocumentMessages"
import { erasureMessages } from "./ErasureMessages"
import * as Person from "./Person"
import type * as SubjectAccessExport from "./SubjectAccessExport"

/**
 * The media type of the document.
 */
export const mediaType = "application/pdf"

const messages = Catalogue.merge(caseMessages, caseworkMessages, documentMessages, erasureMessages, securityMessages)

// A4 in points, with margins of 2 cm.
const pageWidth = 595.28
const pageHeight = 841.89
const margin = 56.7
const bodySize = 10
const headingSize = 13
const titleSize = 16

// To the second: the audit log's entries are matched by their time, not their milliseconds.
const time = (at: Date): string => `${at.toISOString().slice(0, 19)}Z`

// Lines no wider than `width` at `size`, breaking between words (a word wider
// than the line is broken where it must be).
const wrap = (text: string, font: PDFFont, size: number, width: number): ReadonlyArray<string> => {
  const lines: Array<string> = []
  for (const paragraph of text.split(/\r?\n/)) {
    let line = ""
    for (const word of paragraph.split(/\s+/).filter((each) => each.length > 0)) {
      const candidate = line.length === 0 ? word : `${line} ${word}`
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate
        continue
      }
      if (line.length > 0) lines.push(line)
      let rest = word
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--
        lines.push(rest.slice(0, cut))
        rest = rest.slice(cut)
      }
      line = rest
    }
    lines.push(line)
  }
  return lines
}

// Writes lines top to bottom, starting a page when one is full.
class Writer {
  private page: PDFPage
  private y = pageHeight - margin

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.page = doc.addPage([pageWidth, pageHeight])
  }

  text(text: string, size = bodySize, indent = 0): void {
    for (const line of wrap(text, this.font, size, pageWidth - 2 * margin - indent)) {
      if (this.y - size < margin) {
        this.page = this.doc.addPage([pageWidth, pageHeight])
        this.y = pageHeight - margin
      }
      this.y -= size * 1.35
      this.page.drawText(line, { x: margin + indent, y: this.y, size, font: this.font, color: rgb(0, 0, 0) })
    }
  }

  heading(text: string, size = headingSize): void {
    this.y -= size * 0.6
    this.text(text, size)
  }
}

/**
 * How to draw the export: in which language, in which font (the bytes of a
 * TrueType or OpenType font with the language's letters), and the name of an
 * institution in that language where one is known (the registry is not the
 * case package's: the caller joins it; the id is written otherwise).
 */
export interface Options {
  readonly locale: Locale.Locale
  readonly font: Uint8Array
  readonly institutionName?: (id: Id.InstitutionId) => string | undefined
}

/**
 * The export as a PDF.
 */
export const render = (
  exported: SubjectAccessExport.SubjectAccessExport,
  options: Options,
): Effect.Effect<Uint8Array> =>
  Effect.promise(async () => {
    const institution = (id: Id.InstitutionId): string => options.institutionName?.(id) ?? id
    const say = (key: Parameters<typeof Catalogue.format<Catalogue.Key<typeof messages>>>[2], params = {}) =>
      Catalogue.format(messages, options.locale, key, params)
    const doc = await PDFDocument.create()
    doc.registerFontkit(fontkit)
    const font = await doc.embedFont(options.font, { subset: true })
    const title = say("subject-access.pdf.title")
    doc.setTitle(title)
    doc.setLanguage(options.locale)
    doc.setCreator("Bashkë")
    // Fixed, so the same export renders to the same bytes.
    doc.setCreationDate(exported.exportedAt)
    doc.setModificationDate(exported.exportedAt)
    const out = new Writer(doc, font)
    const none = () => out.text(say("subject-access.pdf.none"), bodySize, 12)
    const list = (items: ReadonlyArray<string>) => {
      if (items.length === 0) none()
      for (const item of items) out.text(`• ${item}`, bodySize, 12)
    }

    out.heading(title, titleSize)
    out.text(say("subject-access.pdf.exported", { at: time(exported.exportedAt), who: exported.exportedBy }))
    for (const record of exported.cases) {
      out.heading(say("subject-access.pdf.case", { reference: record.reference }))
      out.text(
        [
          say(`case.person.role.${record.person.role}`),
          say(`case.status.${record.status}`),
          time(record.openedAt),
          ...(record.closedAt === undefined ? [] : [time(record.closedAt)]),
        ].join(" · "),
      )
      if (record.erasedAt !== undefined) out.text(`${time(record.erasedAt)} · ${say("case.erased")}`)
      out.heading(say("subject-access.pdf.details"), bodySize + 1)
      list(
        Person.personalFields.flatMap((field) => {
          const value = record.details[field]
          return value === undefined ? [] : [`${say(fieldKeys[field])}: ${value}`]
        }),
      )
      out.heading(say("subject-access.pdf.consents"), bodySize + 1)
      list(
        record.consents.map((consent) =>
          [
            consent.purposes.map((purpose) => say(`case.consent.purpose.${purpose}`)).join(", "),
            [...consent.institutions.map(institution), ...consent.sectors].join(", "),
            `${time(consent.from)} – ${consent.until === undefined ? "" : time(consent.until)}`,
            ...(consent.withdrawnAt === undefined ? [] : [`✗ ${time(consent.withdrawnAt)}`]),
          ].join(" · "),
        ),
      )
      out.heading(say("subject-access.pdf.safe-contact"), bodySize + 1)
      const contact = record.safeContact
      list(
        contact === undefined
          ? []
          : [
              [
                contact.safeTimes.map((each) => `${each.from}–${each.to}`).join(", "),
                contact.through,
                contact.codeWord,
                contact.channels.join(", "),
                contact.note,
              ]
                .filter((part) => part !== undefined && part.length > 0)
                .join(" · "),
            ],
      )
      out.heading(say("subject-access.pdf.corrections"), bodySize + 1)
      list(
        record.corrections.map((correction) =>
          [
            time(correction.correctedAt),
            `${correction.correctedBy} (${institution(correction.institution)})`,
            correction.fields.join(", "),
            correction.reason,
          ].join(" · "),
        ),
      )
      out.heading(say("subject-access.pdf.notes"), bodySize + 1)
      list(record.notes.map((note) => `${time(note.writtenAt)} · ${institution(note.institution)} · ${note.text}`))
      out.heading(say("subject-access.pdf.told"), bodySize + 1)
      list(record.told.map((told) => `${time(told.toldAt)} · ${institution(told.institution)} · ${told.said}`))
      out.heading(say("subject-access.pdf.documents"), bodySize + 1)
      list(
        record.documents.map((document) =>
          [
            time(document.uploadedAt),
            institution(document.institution),
            say(`case.document.kind.${document.kind}`),
            document.name,
            document.mediaType,
            `${document.size} B`,
            ...(document.withdrawnAt === undefined ? [] : [`✗ ${time(document.withdrawnAt)}`]),
          ].join(" · "),
        ),
      )
    }
    out.heading(say("subject-access.pdf.accesses"))
    list(
      exported.accesses.map((entry) =>
        say("subject-access.pdf.access-line", {
          at: time(entry.at),
          who:
            entry.institutionId === undefined
              ? entry.principalId
              : `${entry.principalId} (${institution(entry.institutionId)})`,
          action: say(`audit.action.${entry.action}`),
          purpose: say(`purpose.${entry.purpose}`),
        }),
      ),
    )
    return doc.save({ useObjectStreams: true })
  })

// Catalogue keys are kebab-case; the person's fields are camelCase.
const fieldKeys = {
  givenName: "subject-access.pdf.field.given-name",
  familyName: "subject-access.pdf.field.family-name",
  personalNumber: "subject-access.pdf.field.personal-number",
  birthDate: "subject-access.pdf.field.birth-date",
  address: "subject-access.pdf.field.address",
  phone: "subject-access.pdf.field.phone",
  safeContact: "subject-access.pdf.field.safe-contact",
} as const satisfies Record<(typeof Person.personalFields)[number], string>
