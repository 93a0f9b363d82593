/**
 * What a document's bytes are, told from the bytes themselves (their "magic
 * numbers"), never from the file's name or the type its sender declared: a
 * file named `report.pdf` that is an executable is not a PDF.
 *
 * The types a mechanism's casework needs: scanned or signed forms (PDF), photos
 * of injuries or of a served order (JPEG, PNG), and text documents written in
 * LibreOffice (ODT). A Word document (DOCX) is a ZIP whose first entry is not
 * fixed by its format, so its bytes alone do not tell it from any other ZIP;
 * it is left out until a check that reads the archive's directory is worth it
 * (ADR 0020).
 */
import { Schema } from "effect"

/**
 * The media types a document may have.
 */
export const MediaType = Schema.Literal(
  "application/pdf",
  "image/jpeg",
  "image/png",
  "application/vnd.oasis.opendocument.text",
).annotations({
  identifier: "DocumentMediaType",
  message: () => ({ message: "case.document.type.not-allowed", override: true }),
})

export type MediaType = typeof MediaType.Type

/**
 * How many leading bytes {@link sniff} needs at most to decide.
 */
export const sniffLength = 80

const startsWith = (bytes: Uint8Array, prefix: ReadonlyArray<number>, offset = 0): boolean =>
  bytes.length >= offset + prefix.length && prefix.every((byte, index) => bytes[offset + index] === byte)

const ascii = (text: string): ReadonlyArray<number> => Array.from(text, (char) => char.charCodeAt(0))

const pdf = ascii("%PDF-")
const jpeg = [0xff, 0xd8, 0xff]
const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const zipEntry = [0x50, 0x4b, 0x03, 0x04]
// An OpenDocument file's first ZIP entry is `mimetype`, stored uncompressed,
// whose content is the media type (OpenDocument 1.2, part 3, §3.3).
const odtEntry = ascii("mimetypeapplication/vnd.oasis.opendocument.text")

/**
 * The media type the leading bytes of a file show, or `undefined` when they
 * are none of {@link MediaType}. Reads at most {@link sniffLength} bytes.
 */
export const sniff = (leading: Uint8Array): MediaType | undefined => {
  if (startsWith(leading, pdf)) return "application/pdf"
  if (startsWith(leading, jpeg)) return "image/jpeg"
  if (startsWith(leading, png)) return "image/png"
  if (startsWith(leading, zipEntry) && startsWith(leading, odtEntry, 30))
    return "application/vnd.oasis.opendocument.text"
  return undefined
}

/**
 * The media type as a sender may declare it (`Content-Type`), without its
 * parameters and in lower case: `Application/PDF; name=x` is `application/pdf`.
 */
export const essence = (declared: string): string => (declared.split(";")[0] ?? "").trim().toLowerCase()
