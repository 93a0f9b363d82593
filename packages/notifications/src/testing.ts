/**
 * `@bashke/notifications/testing`: real pieces for tests, no mocks.
 *
 * - {@link TablePeople}: a `Recipients` over a table of people the test writes
 *   (id, institution, roles and mechanisms, language, email, active), with
 *   the same audience rule as a principal's (`Audiences.includes`), for tests
 *   that need people without a people's store (the gateway binds the port to
 *   the identity package's people);
 * - {@link SmtpTestServer}: a real SMTP server (`smtp-server`) on a random
 *   loopback port that parses every message it takes (`mailparser`), and can
 *   refuse connections, drop them mid-message, answer 4xx for a while, or
 *   refuse chosen recipients — the faults email delivery must survive.
 *
 * `smtp-server` and `mailparser` are optional peer dependencies: install them
 * beside this entry.
 */
import { createServer, type Server } from "node:net"
import { type Due, Id, Locale, Principal } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option, Schema } from "effect"
import { type ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"
import * as Audiences from "./Audiences"
import { type Recipient, Recipients, type Service } from "./Recipients"

/**
 * A person of the test's table.
 */
export interface Person {
  readonly id: Id.PrincipalId
  readonly institution?: Id.InstitutionId | undefined
  readonly roles: ReadonlyArray<Principal.Role>
  readonly mechanisms: ReadonlyArray<Id.MechanismId>
  readonly locale: Locale.Locale
  readonly email?: string | undefined
  readonly active?: boolean | undefined
}

const Row = Schema.Struct({
  id: Id.PrincipalId,
  institution: Schema.NullOr(Id.InstitutionId),
  roles: Schema.parseJson(Schema.Array(Principal.Role)),
  mechanisms: Schema.parseJson(Schema.Array(Id.MechanismId)),
  locale: Locale.Locale,
  email: Schema.NullOr(Schema.String),
  active: Schema.Union(Schema.Literal(0, 1), Schema.NumberFromString),
})
const decodeRow = Schema.decodeUnknownSync(Row)

const principalOf = (row: typeof Row.Type): Principal.Principal => ({
  id: row.id,
  kind: "user",
  ...(row.institution === null ? {} : { institution: row.institution }),
  roles: row.roles,
  mechanisms: row.mechanisms,
})

/**
 * People in a table, as `Recipients`.
 */
export const TablePeople = {
  /** Creates the table (once) and answers the port from it. */
  layer: Layer.effect(
    Recipients,
    Effect.gen(function* () {
      const sql = (yield* SqlClient.SqlClient).withoutTransforms()
      yield* sql`CREATE TABLE IF NOT EXISTS notification_test_people (
        id TEXT PRIMARY KEY, institution TEXT, roles TEXT NOT NULL, mechanisms TEXT NOT NULL,
        locale TEXT NOT NULL, email TEXT, active INTEGER NOT NULL, opened INTEGER NOT NULL DEFAULT 0
      )`
      const everyone = Effect.map(
        sql`SELECT id, institution, roles, mechanisms, locale, email, active FROM notification_test_people
          WHERE active = 1 ORDER BY id`,
        (rows) => rows.map((row) => decodeRow(row)),
      )
      const recipient = (row: typeof Row.Type): Recipient => ({ id: row.id, locale: row.locale })
      const service: Service = {
        reach: (mechanism: Id.MechanismId, audience: Due.Audience) =>
          Effect.map(everyone, (rows) =>
            rows.filter((row) => Audiences.includes(principalOf(row), mechanism, audience)).map(recipient),
          ).pipe(Effect.orDie),
        administrators: Effect.map(everyone, (rows) =>
          rows.filter((row) => row.roles.includes("administrator")).map(recipient),
        ).pipe(Effect.orDie),
        find: (id) =>
          Effect.map(everyone, (rows) =>
            Option.map(Option.fromNullable(rows.find((row) => row.id === id)), recipient),
          ).pipe(Effect.orDie),
        openEmail: (id) =>
          Effect.gen(function* () {
            const rows = yield* sql<{ email: string | null }>`UPDATE notification_test_people SET opened = opened + 1
              WHERE id = ${id} AND active = 1 RETURNING email`
            return Option.fromNullable(rows[0]?.email ?? null)
          }).pipe(Effect.orDie),
      }
      return service
    }),
  ).pipe(Layer.orDie),

  /** Adds (or replaces) a person. */
  put: (person: Person): Effect.Effect<void, never, SqlClient.SqlClient> =>
    Effect.gen(function* () {
      const sql = (yield* SqlClient.SqlClient).withoutTransforms()
      yield* sql`DELETE FROM notification_test_people WHERE id = ${person.id}`
      yield* sql`INSERT INTO notification_test_people (id, institution, roles, mechanisms, locale, email, active)
        VALUES (${person.id}, ${person.institution ?? null}, ${JSON.stringify(person.roles)},
          ${JSON.stringify(person.mechanisms)}, ${person.locale}, ${person.email ?? null},
          ${person.active === false ? 0 : 1})`
    }).pipe(Effect.orDie),

  /** Deactivates a person: from now on nobody's audience reaches them. */
  deactivate: (id: Id.PrincipalId): Effect.Effect<void, never, SqlClient.SqlClient> =>
    Effect.gen(function* () {
      const sql = (yield* SqlClient.SqlClient).withoutTransforms()
      yield* sql`UPDATE notification_test_people SET active = 0 WHERE id = ${id}`
    }).pipe(Effect.orDie),

  /** How many times a person's address was opened for sending. */
  openings: (id: Id.PrincipalId): Effect.Effect<number, never, SqlClient.SqlClient> =>
    Effect.gen(function* () {
      const sql = (yield* SqlClient.SqlClient).withoutTransforms()
      const rows = yield* sql<{ opened: unknown }>`SELECT opened FROM notification_test_people WHERE id = ${id}`
      return Number(rows[0]?.opened ?? 0)
    }).pipe(Effect.orDie),
}

/**
 * A message the test server took: the envelope, the raw message, and the
 * message parsed.
 */
export interface Received {
  readonly from: string
  readonly to: ReadonlyArray<string>
  readonly raw: string
  readonly parsed: ParsedMail
}

/**
 * How the test server behaves:
 *
 * - `accept`: takes every message (but recipients `refuse` names: 550);
 * - `refuse-connections`: nothing listens on its port (connection refused);
 * - `drop`: accepts connections, then drops each one when the message data arrives;
 * - `busy`: answers every message 451 (try again later).
 */
export type Mode = "accept" | "refuse-connections" | "drop" | "busy"

/**
 * A running test server.
 */
export interface SmtpTestServer {
  /** `smtp://127.0.0.1:<port>`, for `BASHKE_SMTP_URL`. */
  readonly url: string
  readonly port: number
  /** Every message taken, in order. */
  readonly received: Array<Received>
  /** Messages dropped or refused with 451 (they are not in `received`). */
  readonly turnedAway: () => number
  readonly setMode: (mode: Mode) => Promise<void>
  /** Called with each message's envelope before it is taken; return false to leave it unanswered (the test kills the sender). */
  readonly beforeAccept: { current: ((to: ReadonlyArray<string>) => boolean) | undefined }
  /** Addresses answered 550 at RCPT TO. */
  readonly refuse: Set<string>
  /** Resolves once `count` messages were taken (rejects after `timeoutMillis`). */
  readonly waitFor: (count: number, timeoutMillis?: number) => Promise<void>
  readonly close: () => Promise<void>
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe: Server = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })

/**
 * Starts a test server on a free loopback port.
 */
export const SmtpTestServer = {
  start: async (): Promise<SmtpTestServer> => {
    const port = await freePort()
    const received: Array<Received> = []
    const refuse = new Set<string>()
    const beforeAccept: SmtpTestServer["beforeAccept"] = { current: undefined }
    let mode: Mode = "accept"
    let turnedAway = 0
    const waiters: Array<{ count: number; resolve: () => void }> = []
    const settle = () => {
      for (const waiter of [...waiters])
        if (received.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve()
        }
    }
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refuse.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error("mailbox unavailable"), { responseCode: 550 })
          return callback(error)
        }
        callback()
      },
      onData(stream, session, callback) {
        const chunks: Array<Buffer> = []
        stream.on("data", (chunk: Buffer) => chunks.push(chunk))
        stream.on("end", () => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address)
          if (mode === "drop") {
            turnedAway++
            for (const connection of server.connections)
              if ((connection as unknown as { id?: string }).id === session.id)
                (connection as unknown as { _socket: { destroy: () => void } })._socket.destroy()
            return
          }
          if (mode === "busy") {
            turnedAway++
            return callback(Object.assign(new Error("try again later"), { responseCode: 451 }))
          }
          if (beforeAccept.current !== undefined && !beforeAccept.current(to)) return
          const raw = Buffer.concat(chunks).toString("utf8")
          simpleParser(raw).then(
            (parsed) => {
              const from = session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address
              received.push({ from, to, raw, parsed })
              callback()
              settle()
            },
            (error: Error) => callback(error),
          )
        })
      },
    })
    const listen = () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()))
    await listen()
    return {
      url: `smtp://127.0.0.1:${port}`,
      port,
      received,
      refuse,
      beforeAccept,
      turnedAway: () => turnedAway,
      setMode: async (next) => {
        if (next === mode) return
        if (mode === "refuse-connections") await listen()
        if (next === "refuse-connections") {
          await new Promise<void>((resolve) => server.server.close(() => resolve()))
          for (const connection of server.connections)
            (connection as unknown as { _socket: { destroy: () => void } })._socket.destroy()
        }
        mode = next
      },
      waitFor: (count, timeoutMillis = 60_000) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`${received.length} of ${count} messages arrived in time`)),
            timeoutMillis,
          )
          waiters.push({
            count,
            resolve: () => {
              clearTimeout(timer)
              resolve()
            },
          })
          settle()
        }),
      close: () =>
        new Promise<void>((resolve) => {
          if (mode === "refuse-connections") return resolve()
          server.close(() => resolve())
        }),
    }
  },
}
