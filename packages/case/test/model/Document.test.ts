// The rules of documents: a file's type told from its leading bytes only (never
// its name or declared type), a declared type reduced to its essence, and the
// chunked encryption of contents (ADR 0020): each chunk opens only as the
// chunk it was sealed as — its index, whether it is the last, its document —
// so reordering, truncation and moving are caught.
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc, Schema } from "effect"
import * as Document from "../../src/Document"
import * as DocumentType from "../../src/DocumentType"
import * as ChunkCipher from "../../src/internal/ChunkCipher"

const bytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))
const signatures: ReadonlyArray<readonly [Uint8Array, DocumentType.MediaType]> = [
  [bytes("%PDF-1.7\n"), "application/pdf"],
  [Uint8Array.of(0xff, 0xd8, 0xff, 0xe0), "image/jpeg"],
  [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), "image/png"],
  [
    Uint8Array.of(
      ...bytes("PK\u0003\u0004"),
      ...new Uint8Array(26),
      ...bytes("mimetypeapplication/vnd.oasis.opendocument.text"),
    ),
    "application/vnd.oasis.opendocument.text",
  ],
]

describe("DocumentType.sniff", () => {
  it("tells each accepted type from its signature, whatever follows", () => {
    fc.assert(
      fc.property(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 200 }), ([signature, type], rest) => {
        expect(DocumentType.sniff(Uint8Array.of(...signature, ...rest))).toBe(type)
      }),
    )
  })

  it("tells nothing of bytes that do not start with a signature (an executable, text, another ZIP)", () => {
    expect(DocumentType.sniff(bytes("MZ\u0090\u0000"))).toBeUndefined()
    expect(DocumentType.sniff(bytes("just text"))).toBeUndefined()
    expect(DocumentType.sniff(bytes(`PK\u0003\u0004${"\u0000".repeat(26)}[Content_Types].xml`))).toBeUndefined()
    expect(DocumentType.sniff(new Uint8Array())).toBeUndefined()
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (random) => {
        const type = DocumentType.sniff(random)
        if (type !== undefined) {
          // Only a real signature at the start makes a type.
          const [signature] = signatures.find(([, each]) => each === type) ?? [new Uint8Array()]
          expect(random.subarray(0, signature.length)).toEqual(signature.subarray(0, signature.length))
        }
      }),
    )
  })

  it("reduces a declared type to its essence", () => {
    expect(DocumentType.essence("Application/PDF; name=x.pdf")).toBe("application/pdf")
    expect(DocumentType.essence(" image/png ")).toBe("image/png")
  })
})

describe("Document.Name", () => {
  const valid = Schema.is(Document.Name)
  it("keeps a name with letters of any script, refuses a path, a control character or a blank", () => {
    expect(valid("Raporti mjekësor — Drita.pdf")).toBe(true)
    expect(valid("Решење.pdf")).toBe(true)
    expect(valid("../../etc/passwd")).toBe(false)
    expect(valid("a\\b.pdf")).toBe(false)
    expect(valid("line\nbreak.pdf")).toBe(false)
    expect(valid("   ")).toBe(false)
    expect(valid("x".repeat(Document.maxNameLength + 1))).toBe(false)
  })
})

describe("ChunkCipher", () => {
  const plain = (n: number) => Uint8Array.from({ length: 1000 }, (_, i) => (i * 7 + n) & 0xff)

  it("opens each chunk as what it was sealed as, and as nothing else", async () => {
    const key = await ChunkCipher.importKey(ChunkCipher.generateKey())
    const sealed = await Promise.all([0, 1, 2].map((i) => ChunkCipher.seal(key, "doc-a", i, i === 2, plain(i))))
    for (const [i, chunk] of sealed.entries())
      expect(await ChunkCipher.open(key, "doc-a", i, i === 2, chunk as Uint8Array)).toEqual(plain(i))
    // Reordered: chunk 1 read as chunk 0.
    await expect(ChunkCipher.open(key, "doc-a", 0, false, sealed[1] as Uint8Array)).rejects.toBeDefined()
    // Truncated: chunk 1 read as the last one.
    await expect(ChunkCipher.open(key, "doc-a", 1, true, sealed[1] as Uint8Array)).rejects.toBeDefined()
    // The last chunk read as one more to come (a chunk appended after it would follow).
    await expect(ChunkCipher.open(key, "doc-a", 2, false, sealed[2] as Uint8Array)).rejects.toBeDefined()
    // Moved to another document.
    await expect(ChunkCipher.open(key, "doc-b", 0, false, sealed[0] as Uint8Array)).rejects.toBeDefined()
    // Under another document's key.
    const other = await ChunkCipher.importKey(ChunkCipher.generateKey())
    await expect(ChunkCipher.open(other, "doc-a", 0, false, sealed[0] as Uint8Array)).rejects.toBeDefined()
  })

  it("never repeats a nonce within a document", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 32 - 1 }),
        fc.nat({ max: 2 ** 32 - 1 }),
        fc.boolean(),
        fc.boolean(),
        (i, j, a, b) => {
          const same = Buffer.from(ChunkCipher.nonceOf(i, a)).equals(Buffer.from(ChunkCipher.nonceOf(j, b)))
          expect(same).toBe(i === j && a === b)
        },
      ),
    )
  })
})
