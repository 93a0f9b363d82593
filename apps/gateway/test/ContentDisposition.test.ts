// File names in Content-Disposition both ways: whatever name a document has,
// its download's header is one line of printable ASCII that names no path, and
// reading it back gives the name (made safe) — in any script.
import { Document } from "@bashke/case"
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as ContentDisposition from "../src/ContentDisposition"

describe("ContentDisposition", () => {
  it("writes any name as one printable ASCII line that reads back as the name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }), (name) => {
        const header = ContentDisposition.attachment(name)
        expect(header).toMatch(/^[\x20-\x7e]+$/)
        const back = ContentDisposition.fileNameOf(header) ?? ""
        expect(Array.from(back).some(Document.isUnsafeCharacter)).toBe(false)
        expect(back).toBe(ContentDisposition.safeName(name))
      }),
    )
  })

  it("reads the forms clients send", () => {
    expect(ContentDisposition.fileNameOf(`attachment; filename*=UTF-8''Raporti%20mjek%C3%ABsor.pdf`)).toBe(
      "Raporti mjekësor.pdf",
    )
    expect(ContentDisposition.fileNameOf(`attachment; filename="a \\"quoted\\" name.pdf"`)).toBe('a "quoted" name.pdf')
    expect(ContentDisposition.fileNameOf("attachment; filename=plain.pdf")).toBe("plain.pdf")
    // filename* wins over filename.
    expect(ContentDisposition.fileNameOf(`attachment; filename="x.pdf"; filename*=UTF-8''y.pdf`)).toBe("y.pdf")
    expect(ContentDisposition.fileNameOf("attachment")).toBeUndefined()
    expect(ContentDisposition.fileNameOf(`attachment; filename*=UTF-8''%E0%A4%A`)).toBeUndefined()
    expect(ContentDisposition.fileNameOf(undefined)).toBeUndefined()
  })

  it("names no path and breaks no header", () => {
    expect(ContentDisposition.attachment("../../etc/passwd")).toBe(
      `attachment; filename=.._.._etc_passwd; filename*=UTF-8''.._.._etc_passwd`,
    )
    expect(ContentDisposition.attachment('a"b;\r\nSet-Cookie: x')).not.toMatch(/[\r\n]/)
  })
})
