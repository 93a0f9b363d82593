// Webhooks: a framework-free Request → Response under the plugins' prefix, the
// signature checked first, every refusal an application/problem+json answer.
import { Clock, Effect, Option } from "effect"
import type { WebhookMethod, WebhookRequest, WebhookResponse } from "../../Hooks"
import * as WebhookSignature from "../../WebhookSignature"
import * as Webhooks from "../Webhooks"
import { type Host, problem, type Service, verdictRules } from "./Host"
import type * as Imports from "./Imports"

/** @internal */
export const make = (host: Host, importRecords: ReturnType<typeof Imports.make>["importRecords"]) => {
  const { running, maxBodyBytes } = host
  const headersOf = (request: Request): Record<string, string> => {
    const out: Record<string, string> = {}
    request.headers.forEach((value, key) => {
      out[key.toLowerCase()] = value
    })
    return out
  }

  const dispatch: Service["dispatch"] = (request, dispatchOptions) =>
    Effect.gen(function* () {
      const prefix = (dispatchOptions?.prefix ?? "/v1/plugins").replace(/\/+$/, "")
      const url = new URL(request.url)
      if (!url.pathname.startsWith(`${prefix}/`)) return problem(404, "plugin.webhook.not-found")
      const [id = "", ...rest] = url.pathname.slice(prefix.length + 1).split("/")
      const p = running.find((candidate) => candidate.identity.id === id)
      if (p === undefined || p.routes.length === 0 || p.webhook === undefined)
        return problem(404, "plugin.webhook.not-found")
      const method = request.method.toUpperCase()
      const matched = Webhooks.match(p.routes, method, `/${rest.join("/")}`)
      if (matched._tag === "NotFound") return problem(404, "plugin.webhook.not-found")
      if (matched._tag === "MethodNotAllowed") {
        const response = problem(405, "plugin.webhook.method-not-allowed")
        response.headers.set("allow", matched.allow.join(", "))
        return response
      }
      const declared = Number(request.headers.get("content-length") ?? "0")
      if (Number.isFinite(declared) && declared > maxBodyBytes) return problem(413, "plugin.webhook.body-too-large")
      const buffer = yield* Effect.tryPromise(() => request.arrayBuffer()).pipe(Effect.option)
      if (Option.isNone(buffer)) return problem(400, "plugin.webhook.body-unreadable")
      const body = new Uint8Array(buffer.value)
      if (body.length > maxBodyBytes) return problem(413, "plugin.webhook.body-too-large")
      const headers = headersOf(request)
      const verdict = yield* WebhookSignature.verify({
        secrets: p.webhook.secrets,
        ...(p.webhook.toleranceSeconds === undefined ? {} : { toleranceSeconds: p.webhook.toleranceSeconds }),
        headers,
        body,
        nowMillis: yield* Clock.currentTimeMillis,
      })
      if (verdict !== "valid") return problem(401, verdictRules[verdict])

      const text = () => new TextDecoder().decode(body)
      const webhookRequest: WebhookRequest = {
        method: method as WebhookMethod,
        path: `/${rest.join("/")}`,
        params: matched.params,
        query: Object.fromEntries(url.searchParams),
        headers,
        body,
        text,
        json: () => {
          try {
            return JSON.parse(text()) as unknown
          } catch {
            return undefined
          }
        },
      }
      const ran = yield* p.guard.run("webhook", p.timeouts.webhook, matched.route.handle(webhookRequest))
      if (ran._tag === "Refused") {
        const seconds = Math.max(1, Math.ceil((yield* p.guard.retryAfter("webhook")) / 1000))
        const response = problem(503, "plugin.unavailable")
        response.headers.set("retry-after", String(seconds))
        return response
      }
      if (ran._tag === "Failed")
        return ran.failure.permanent
          ? problem(422, "plugin.webhook.rejected", { code: ran.failure.code })
          : problem(503, "plugin.webhook.failed", { code: ran.failure.code })
      const answer: WebhookResponse = ran.value
      if (
        typeof answer !== "object" ||
        answer === null ||
        !Number.isInteger(answer.status) ||
        answer.status < 200 ||
        answer.status > 599
      )
        return problem(500, "plugin.webhook.answer-invalid")
      if (answer.records !== undefined && answer.records.length > 0) {
        const stored = yield* importRecords(
          p,
          matched.route.source ?? "webhook",
          answer.records,
          undefined,
          undefined,
        ).pipe(Effect.either)
        if (stored._tag === "Left") return problem(503, "plugin.webhook.store-failed", { code: stored.left.code })
      }
      if (answer.status === 204 || answer.status === 205 || answer.status === 304)
        return new Response(null, { status: answer.status })
      const json = JSON.stringify(answer.body ?? null)
      return new Response(json, { status: answer.status, headers: { "content-type": "application/json" } })
    }).pipe(Effect.catchAllCause(() => Effect.succeed(problem(500, "plugin.webhook.answer-invalid"))))

  return { dispatch }
}
