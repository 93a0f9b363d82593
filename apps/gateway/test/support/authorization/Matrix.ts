// The frame every area's scenarios share: who the matrix calls as, what a
// scenario is, and the few moves a request builder makes before the call under
// test (reading an ETag, setting up a fresh resource as someone who may).
import { CivilDate, type Id, JurisdictionProfile } from "@bashke/kernel"
import { Clock, Effect } from "effect"
import type { Seeded } from "../../../src/demo/Seed"
import { routes } from "../../../src/Routes"
import type { Gateway } from "../Gateway"

/** Everyone the matrix calls as. */
export const callers = [
  "coordinator",
  "policeOfficer",
  "caseManager",
  "nurse",
  "shelterWorker",
  "advocate",
  "teacher",
  "lawyer",
  "nationalCoordinator",
  "administrator",
  "auditor",
  "stranger",
] as const

export type Caller = (typeof callers)[number]

/** The demo's people: each acts for a member institution of the Gjilan mechanism and has it in their token. */
export const demoPeople = [
  "coordinator",
  "policeOfficer",
  "caseManager",
  "nurse",
  "shelterWorker",
  "advocate",
  "teacher",
  "lawyer",
] as const satisfies ReadonlyArray<Caller>

export interface World {
  readonly gateway: Gateway
  readonly seeded: Seeded
  readonly tokens: Readonly<Record<Caller, string>>
  readonly mechanismId: Id.MechanismId
}

export interface Request {
  readonly method: string
  readonly path: string
  readonly body?: unknown
  /** A body sent as it is (a file), with its own headers. */
  readonly rawBody?: Uint8Array<ArrayBuffer>
  readonly headers?: Readonly<Record<string, string>>
  readonly ifMatch?: string
  /** A session cookie of the caller's own for this call, when the matrix's would not do (a route that ends sessions). */
  readonly cookie?: string
}

export interface Scenario {
  readonly operationId: string
  readonly label: string
  readonly request: (world: World, caller: Caller) => Promise<Request>
  /** The status each caller gets, or what `observe` makes of the answer. */
  readonly expect: Readonly<Record<Caller, number | string>>
  /** For answers whose status is the same for all (a search that finds nothing for outsiders). */
  readonly observe?: (status: number, body: string) => string
}

/** The same status for everyone, then the exceptions. */
export const statuses = <S extends number | string>(
  everyone: S,
  exceptions: Partial<Record<Caller, S>> = {},
): Record<Caller, S> =>
  Object.fromEntries(callers.map((caller) => [caller, exceptions[caller] ?? everyone])) as Record<Caller, S>

/** `status` for each of the demo's people (every member institution of the mechanism). */
export const members = <S extends number | string>(status: S): Partial<Record<Caller, S>> =>
  Object.fromEntries(demoPeople.map((caller) => [caller, status]))

/** Those whose token names no mechanism of the demo, or none at all. */
export const outside = [
  "nationalCoordinator",
  "administrator",
  "auditor",
  "stranger",
] as const satisfies ReadonlyArray<Caller>

/**
 * `expect` for a route addressed by the id of a case, meeting, action item,
 * referral or plan of the demo mechanism: a caller outside the mechanism whom
 * the route refuses (403) gets 404 instead, the answer an unknown id gets
 * (issue 13, finding 6: no existence oracle). A refusal inside the mechanism
 * stays 403: it tells a member nothing they may not know.
 */
export const hidden = <S extends number | string>(expect: Readonly<Record<Caller, S>>): Record<Caller, S> => {
  const out = { ...expect }
  for (const caller of outside) {
    if (out[caller] === 403) out[caller] = 404 as S
    else if (out[caller] === "403") out[caller] = "404" as S
  }
  return out
}

/**
 * The status a route answers when it succeeds, as the route table declares it
 * (a creation 201, any other change 200): the matrix decides who may call a
 * route, the route how it says yes.
 */
export const ok = (operationId: string): number => {
  const route = routes.find((each) => each.operationId === operationId)
  if (route === undefined) throw new Error(`no route ${operationId}`)
  return route.success.status
}

/** The current ETag of a resource, read by a caller who may read it. */
export const etagOf = async (world: World, path: string, reader: Caller = "caseManager"): Promise<string> => {
  const response = await world.gateway.request("GET", path, { token: world.tokens[reader] })
  return response.headers.get("etag") ?? '"0"'
}

/** A GET of `path`. */
export const get =
  (path: (world: World) => string) =>
  async (world: World): Promise<Request> => ({ method: "GET", path: path(world) })

/**
 * A call made while setting a scenario up, as someone who may make it; a
 * refusal here is the scenario's own mistake, so it throws.
 */
// biome-ignore lint/suspicious/noExplicitAny: a set-up answer is read loosely; the call under test is what asserts.
export const setUp = async <A = any>(
  world: World,
  as: Caller,
  method: string,
  path: string,
  options: { readonly body?: unknown; readonly ifMatch?: string } = {},
): Promise<{ readonly body: A; readonly etag: string }> => {
  const response = await world.gateway.request(method, path, {
    token: world.tokens[as],
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(options.ifMatch === undefined ? {} : { ifMatch: options.ifMatch }),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`setting up: ${method} ${path} as ${as} answered ${response.status} ${text}`)
  return { body: (text === "" ? undefined : JSON.parse(text)) as A, etag: response.headers.get("etag") ?? '"0"' }
}

/** Runs `effect` on a clock set back by `millis`: what it records happened then. */
export const earlier =
  (millis: number) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Clock.clockWith((base) =>
      Effect.withClock(effect, {
        [Clock.ClockTypeId]: Clock.ClockTypeId,
        unsafeCurrentTimeMillis: () => base.unsafeCurrentTimeMillis() - millis,
        currentTimeMillis: Effect.map(base.currentTimeMillis, (now) => now - millis),
        unsafeCurrentTimeNanos: () => base.unsafeCurrentTimeNanos() - BigInt(millis) * 1_000_000n,
        currentTimeNanos: Effect.map(base.currentTimeNanos, (now) => now - BigInt(millis) * 1_000_000n),
        sleep: (duration) => base.sleep(duration),
      }),
    )

/**
 * What a scenario sets up once and reuses while it stays usable (a request not
 * yet scheduled, a plan not yet adopted), per world.
 */
export const reusable = <A>(
  make: (world: World) => Promise<A>,
  usable: (world: World, value: A) => Promise<boolean>,
): ((world: World) => Promise<A>) => {
  const held = new WeakMap<World, A>()
  return async (world) => {
    const current = held.get(world)
    if (current !== undefined && (await usable(world, current))) return current
    const fresh = await make(world)
    held.set(world, fresh)
    return fresh
  }
}

/** The jurisdiction's today, moved by `days`. */
export const day = (world: World, days = 0): Promise<CivilDate.CivilDate> =>
  world.gateway.runtime.runPromise(Effect.map(JurisdictionProfile.today, (today) => CivilDate.addDays(today, days)))

/** An instant `hours` from now. */
export const inHours = (hours: number): string => new Date(Date.now() + hours * 3_600_000).toISOString()
