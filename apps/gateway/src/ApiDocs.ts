/**
 * `/docs`: a primer for newcomers (authentication, `Idempotency-Key`,
 * `If-Match`/ETag, problem responses) above Swagger UI rendering
 * `/openapi.json`. Swagger UI comes from the pinned `swagger-ui-dist` package
 * and is served by the gateway itself under `/docs/assets/` — no CDN, so the
 * page works offline — with a strict Content Security Policy: scripts and
 * styles from this origin only, nothing inline (the page's own start-up
 * script is a file too). Where the renderer's files are not available (the
 * Workers entry bundles no assets) the page lists the operations itself. On
 * Node the files are read from the installed package (`SwaggerUiFiles`).
 *
 * Swagger UI (since 5.33) draws a list of 150 tags and operations or more
 * virtualized: only the rows near the viewport are in the page, the others
 * are drawn as the reader scrolls to them. The container is a `div` because
 * Swagger UI brings its own `<main id="operations">`.
 */
import { escapeHtml } from "./OpenApi"

/** The renderer's files, by name under `/docs/assets/`. */
export interface DocsAssets {
  readonly read: (name: string) => Promise<Uint8Array | undefined>
}

/** What the page may fetch: its own origin only; no inline script or style. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ")

/** The renderer's files the page loads, and their media types. */
export const rendererFiles: Readonly<Record<string, string>> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
}

/** Starts Swagger UI on `/openapi.json`: a file, so the policy needs no inline script. */
export const initScript = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false,
  })
})
`

const initName = "docs-init.js"

/** The page's own styles: the primer's layout, the table's wrapping at any width. */
export const pageStyles = `body{font-family:system-ui,sans-serif;margin:0;line-height:1.5;color:#1b1b1b}
.primer{max-width:60rem;margin:0 auto;padding:1.5rem 1rem}
.primer code{background:#f3f3f3;padding:0 .25rem;border-radius:3px;overflow-wrap:anywhere}
.primer dt{font-weight:600;margin-top:.75rem}
.operations-fallback{max-width:60rem;margin:0 auto;padding:0 1rem 2rem;overflow-x:auto}
.operations-fallback table{border-collapse:collapse;width:100%}
.operations-fallback td,.operations-fallback th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;overflow-wrap:anywhere}
`
const stylesName = "docs.css"

/** The primer: what every caller needs before the first request. */
export const primer = `<section class="primer" id="primer">
<h1>Bashkë API</h1>
<p>Every operation below is described by <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1); a typed client is
<code>@bashke/client</code>.</p>
<h2>Before your first request</h2>
<dl>
<dt>Authentication</dt>
<dd>Send an API token as <code>Authorization: Bearer bsk_…</code> (make one with <code>bashke token create</code>),
or a JWT of your institution's identity provider. Browsers use the session cookie and send
<code>X-Bashke-Request: 1</code> on every change. Every credential acts as one principal: an institution, roles and
mechanisms; what it may see is decided by the case team, the memorandum and the survivor's consent.</dd>
<dt>Idempotency-Key</dt>
<dd>Send <code>Idempotency-Key: &lt;a new UUID&gt;</code> with every POST. A retry with the same key and body answers
the first answer again (with <code>Idempotent-Replayed: true</code>) and changes nothing; the same key with another
body is refused with 422.</dd>
<dt>If-Match and ETag</dt>
<dd>Reading a resource answers its version in <code>ETag</code>. Send it back as <code>If-Match</code> when you change
the resource: if someone changed it in between, the answer is 412 and nothing changed — read it again and retry.
Without <code>If-Match</code> a change that needs one is refused with 428.</dd>
<dt>Problems</dt>
<dd>Every refusal is an RFC 9457 problem (<code>application/problem+json</code>): <code>type</code>,
<code>title</code> and <code>status</code>, <code>rule</code> (a stable code you can branch on), <code>field</code>
for bad input (the field, never your value), and the request's id (<code>Request-Id</code>) to quote when you ask for
help. <code>Accept-Language</code> (sq, sr-Latn, sr-Cyrl, en) picks the language of <code>title</code> and
<code>detail</code>.</dd>
</dl>
</section>`

/** The page with the renderer (`assets` present) or with the operations listed by the server. */
export const page = (options: { readonly renderer: boolean; readonly operations: string }): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bashkë API</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/docs/assets/${stylesName}">${
    options.renderer ? `\n<link rel="stylesheet" href="/docs/assets/swagger-ui.css">` : ""
  }
</head><body>
${primer}
${
  options.renderer
    ? `<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/${initName}"></script>`
    : `<main class="operations-fallback">${options.operations}</main>`
}
</body></html>`

/** The operations as a table, for a gateway without the renderer's files. */
export const operationsTable = (doc: {
  readonly paths?: Readonly<Record<string, Readonly<Record<string, { summary?: string; operationId?: string }>>>>
}): string => {
  const rows = Object.entries(doc.paths ?? {})
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(
        ([method, operation]) =>
          `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(
            (operation.summary ?? "").replace(/`/g, ""),
          )}</td><td><code>${escapeHtml(operation.operationId ?? "")}</code></td></tr>`,
      ),
    )
    .join("\n")
  return `<table><thead><tr><th>Method</th><th>Path</th><th>What it does</th><th>Operation</th></tr></thead><tbody>
${rows}
</tbody></table>`
}

/** The answer for a file under `/docs/assets/`, or undefined. */
export const asset = async (assets: DocsAssets | undefined, name: string): Promise<Response | undefined> => {
  const headers = (type: string) => ({
    "content-type": type,
    "cache-control": "public, max-age=3600",
    "x-content-type-options": "nosniff",
  })
  if (name === initName) return new Response(initScript, { headers: headers("text/javascript; charset=utf-8") })
  if (name === stylesName) return new Response(pageStyles, { headers: headers("text/css; charset=utf-8") })
  const type = rendererFiles[name]
  if (assets === undefined || type === undefined) return undefined
  const body = await assets.read(name)
  return body === undefined ? undefined : new Response(body as Uint8Array<ArrayBuffer>, { headers: headers(type) })
}
