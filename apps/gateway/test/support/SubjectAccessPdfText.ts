// What a reader of the subject-access PDF sees: its text as pdftotext reads
// it (a real third-party reader, not pdf-lib reading its own output), and
// the catalogue's headings every export has.
import { execFileSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

/** The headings of every export (`caseworkMessages` keys). */
export const headings = [
  "subject-access.pdf.title",
  "subject-access.pdf.details",
  "subject-access.pdf.consents",
  "subject-access.pdf.accesses",
] as const

/** The PDF's text in reading order (`pdftotext -layout`), with runs of white space folded into one space. */
export const pdfText = (bytes: Uint8Array): string => {
  const file = join(mkdtempSync(join(tmpdir(), "bashke-sar-")), "export.pdf")
  writeFileSync(file, bytes)
  return execFileSync("/usr/bin/pdftotext", ["-enc", "UTF-8", "-layout", file, "-"], { encoding: "utf8" }).replace(
    /\s+/g,
    " ",
  )
}
