/**
 * File names in `Content-Disposition` (RFC 6266), both ways: read from an
 * upload's header, and written into a download's answer so that no name can
 * break the header, name a path, or smuggle a control character.
 */
import { Document } from "@bashke/case"

const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/**
 * The file name of a `Content-Disposition` header: its `filename*`
 * (`UTF-8''` percent-encoded, RFC 8187) when there is one, else its quoted or
 * bare `filename`; `undefined` when there is none or it does not decode.
 */
export const fileNameOf = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined
  const parameters = new Map<string, string>()
  const pattern = /;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/g
  for (const match of header.matchAll(pattern)) {
    const name = (match[1] ?? "").toLowerCase()
    const raw = match[2] ?? ""
    parameters.set(name, raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw)
  }
  const extended = parameters.get("filename*")
  if (extended !== undefined) {
    const found = /^utf-8'[^']*'(.*)$/i.exec(extended)
    if (found === null) return undefined
    try {
      return decodeURIComponent(found[1] ?? "")
    } catch {
      return undefined
    }
  }
  const plain = parameters.get("filename")
  return plain === undefined || plain.length === 0 ? undefined : plain
}

/** `name` with every control character and path separator as `_`; `document` when nothing is left. */
export const safeName = (name: string): string =>
  Array.from(name, (character) => (Document.isUnsafeCharacter(character) ? "_" : character))
    .join("")
    .trim() || "document"

/**
 * An `attachment` disposition offering `name`: an ASCII fallback (`filename`,
 * every other character `_`) and the whole name percent-encoded (`filename*`).
 * Path separators and control characters never reach the header.
 */
export const attachment = (name: string): string => {
  const cleaned = safeName(name)
  const fallback = cleaned.replace(/[^\x20-\x7e]|["%;\\]/g, "_")
  const encoded = encodeURIComponent(cleaned).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  const quoted = token.test(fallback) ? fallback : `"${fallback}"`
  return `attachment; filename=${quoted}; filename*=UTF-8''${encoded}`
}
