/**
 * The web app (`apps/web`'s build) served at `/` beside the API: files by
 * path, and `index.html` for every other page path, so `/cases/…` opened from
 * an email's link starts the app there. The API keeps `/v1`, `/docs`,
 * `/openapi.json` and `/health`: nothing under them is ever answered with the
 * app.
 *
 * Hashed files under `/assets/` are cached for a year, immutably (a new build
 * has new names); `index.html` is never reused without asking (`no-cache`),
 * so a new build reaches people on their next page load. Pages carry a strict
 * Content Security Policy: scripts and styles from this origin only, nothing
 * inline, no framing.
 *
 * On Workers the same headers come from the build's `_headers` file
 * (`apps/web/public/_headers`) and static assets (`wrangler.toml`).
 */
import * as ApiDocs from "./ApiDocs"

/** A file of the build: its bytes and its media type. */
export interface WebFile {
  readonly body: Uint8Array
  readonly contentType: string
}

/** Where the build's files come from: a directory on Node, a map in tests. */
export interface WebFiles {
  /** The file at `path` (`/assets/index-3f2a.js`, `/index.html`), or undefined. */
  readonly read: (path: string) => Promise<WebFile | undefined>
}

/** The SHA-256 sources of the only inline styles the app adds (react-aria-components'). */
export const reactAriaStyles = [
  "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='",
  "'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='",
]

/**
 * The policy of every page of the app: the API documentation's (`ApiDocs`:
 * this origin only, nothing inline, no framing), with react-aria-components'
 * two fixed <style> elements admitted by their hashes — nothing else inline.
 */
export const contentSecurityPolicy = ApiDocs.contentSecurityPolicy.replace(
  "style-src 'self'",
  `style-src 'self' ${reactAriaStyles.join(" ")}`,
)

export const immutable = "public, max-age=31536000, immutable"
export const revalidate = "no-cache"

const apiPaths = /^\/(v1(\/|$)|docs(\/|$)|openapi\.json$|health$)/

/** Whether a path belongs to the API rather than the app. */
export const isApiPath = (path: string): boolean => apiPaths.test(path)

// A page path: no extension in its last segment (`/cases/01J…`), so a missing
// script or image answers 404 instead of the page.
const isPagePath = (path: string): boolean => !/\.[a-z0-9]+$/i.test(path.slice(path.lastIndexOf("/") + 1))

const mediaTypes: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json",
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
  woff2: "font/woff2",
  txt: "text/plain; charset=utf-8",
}

/** The media type of a file name by its extension. */
export const mediaTypeOf = (path: string): string =>
  mediaTypes[path.slice(path.lastIndexOf(".") + 1).toLowerCase()] ?? "application/octet-stream"

const headersOf = (path: string, file: WebFile): Record<string, string> => {
  const html = file.contentType.startsWith("text/html")
  return {
    "content-type": file.contentType,
    "cache-control": path.startsWith("/assets/") ? immutable : revalidate,
    "x-content-type-options": "nosniff",
    ...(html ? { "content-security-policy": contentSecurityPolicy, "referrer-policy": "no-referrer" } : {}),
  }
}

/**
 * The answer to a GET or HEAD of `path`, or undefined when the app has nothing
 * there (an API path, a missing file): the gateway's 404 problem then.
 */
export const answer = async (files: WebFiles, path: string, method: string): Promise<Response | undefined> => {
  if (method !== "GET" && method !== "HEAD") return undefined
  // `_headers` is the Workers' header rules, not a file of the app.
  if (isApiPath(path) || path === "/_headers" || path.includes("..") || path.includes("\\") || path.includes("\0"))
    return undefined
  const asked = path === "/" ? "/index.html" : path
  const found = await files.read(asked)
  if (found !== undefined) return respond(asked, found, method)
  if (!isPagePath(asked) || asked.startsWith("/assets/")) return undefined
  const page = await files.read("/index.html")
  return page === undefined ? undefined : respond("/index.html", page, method)
}

const respond = (path: string, file: WebFile, method: string): Response =>
  new Response(method === "HEAD" ? null : (file.body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers: headersOf(path, file),
  })

/** Files from a map of path to text, for tests. */
export const fromRecord = (record: Readonly<Record<string, string>>): WebFiles => ({
  read: async (path) => {
    const text = record[path]
    return text === undefined ? undefined : { body: new TextEncoder().encode(text), contentType: mediaTypeOf(path) }
  },
})
