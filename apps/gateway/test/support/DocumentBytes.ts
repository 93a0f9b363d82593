// Files for the document tests, made as they are sent: a stream of
// deterministic bytes behind a real file's leading bytes (a PDF's `%PDF-`, or
// an executable's `MZ`), with a marker text inside, never held whole — a
// 50 MiB upload costs the test a 64 KiB buffer — and the SHA-256 of what was
// sent, to compare with what comes back.
import { createHash, type Hash } from "node:crypto"

export const pdfHeader = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"

export interface Made {
  readonly stream: ReadableStream<Uint8Array>
  /** The SHA-256 of every byte the stream gave, hex, once it has ended. */
  readonly digest: () => string
}

/**
 * `size` bytes: `header`, then `marker` (if any), then pseudo-random bytes
 * (xorshift, seeded), in pieces of 64 KiB.
 */
export const file = (size: number, options: { readonly header?: string; readonly marker?: string } = {}): Made => {
  const leading = new TextEncoder().encode((options.header ?? pdfHeader) + (options.marker ?? ""))
  const hash = createHash("sha256")
  let sent = 0
  let state = 0x2545f491
  let digest: string | undefined
  const stream = new ReadableStream<Uint8Array>({
    pull: (controller) => {
      if (sent >= size) {
        digest = hash.digest("hex")
        controller.close()
        return
      }
      const piece = new Uint8Array(Math.min(64 * 1024, size - sent))
      for (let i = 0; i < piece.length; i++) {
        const at = sent + i
        if (at < leading.length) piece[i] = leading[at] as number
        else {
          state ^= state << 13
          state ^= state >>> 17
          state ^= state << 5
          piece[i] = state & 0xff
        }
      }
      sent += piece.length
      hash.update(piece)
      controller.enqueue(piece)
    },
  })
  return {
    stream,
    digest: () => {
      if (digest === undefined) throw new Error("the file has not been sent whole")
      return digest
    },
  }
}

/** The SHA-256 (hex) and length of a body, read a piece at a time. */
export const digestOf = async (body: ReadableStream<Uint8Array> | null): Promise<{ digest: string; size: number }> => {
  const hash: Hash = createHash("sha256")
  let size = 0
  if (body !== null) {
    const reader = body.getReader()
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      hash.update(read.value)
      size += read.value.length
    }
  }
  return { digest: hash.digest("hex"), size }
}

/** A `Content-Disposition` naming `name` (UTF-8, percent-encoded). */
export const disposition = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`
