/**
 * `BASHKE_DATABASE_URL`: the one setting that chooses the store.
 *
 * Accepted forms:
 *
 * - `sqlite:<path>` — a SQLite file, relative to the working directory or absolute
 *   (`sqlite:./data/bashke.db`, the default);
 * - `sqlite::memory:` — a private in-memory SQLite database (tests, demos);
 * - `postgres://user:password@host:5432/database` (or `postgresql://…`);
 * - `d1:<binding>` — a Cloudflare D1 binding, for the Workers entry only.
 *
 * Parsing is pure and runs everywhere (Node, Workers): it touches no file system,
 * which is how a malformed value stops start-up before anything is created on disk.
 */
import { Data, type Effect, Either, Redacted } from "effect"

/**
 * The name of the setting, as it appears in every message about it.
 */
export const variable = "BASHKE_DATABASE_URL"

/**
 * The value used when the setting is absent: an embedded SQLite file, nothing to install.
 */
export const defaultValue = "sqlite:./data/bashke.db"

/**
 * The accepted forms, in the words the error message uses.
 */
export const acceptedForms: ReadonlyArray<string> = [
  "sqlite:<path> (relative or absolute, e.g. sqlite:./data/bashke.db)",
  "sqlite::memory:",
  "postgres://user:password@host:5432/database (or postgresql://…)",
  "d1:<binding> (Cloudflare Workers only)",
]

/**
 * A parsed database URL. The PostgreSQL connection string is `Redacted` so it can
 * be logged or inspected without leaking the password.
 */
export type DatabaseUrl = Data.TaggedEnum<{
  Sqlite: { readonly filename: string }
  Postgres: { readonly url: Redacted.Redacted<string> }
  D1: { readonly binding: string }
}>

/**
 * Constructors and matchers: `DatabaseUrl.Sqlite({ filename })`, `DatabaseUrl.$match(url, {...})`.
 */
export const { $is, $match, D1, Postgres, Sqlite } = Data.taggedEnum<DatabaseUrl>()

/**
 * The file name SQLite uses for a private in-memory database.
 */
export const memory = ":memory:"

/**
 * `BASHKE_DATABASE_URL` could not be used. The message names the variable and the
 * accepted forms, and never repeats the value (it may hold a password).
 */
export class DatabaseUrlError extends Data.TaggedError("DatabaseUrlError")<{
  /** Why the value was refused, without quoting it. */
  readonly reason: string
}> {
  override get message(): string {
    return `${variable} is not usable: ${this.reason}. Accepted forms: ${acceptedForms.join("; ")}.`
  }
}

const bindingName = /^[A-Za-z_][A-Za-z0-9_]*$/
const schemeLike = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//

const refuse = (reason: string) => Either.left(new DatabaseUrlError({ reason }))

const parseSqlite = (rest: string): Either.Either<DatabaseUrl, DatabaseUrlError> => {
  if (rest === memory) return Either.right(Sqlite({ filename: memory }))
  if (rest.length === 0) return refuse("the sqlite: form needs a file path after the colon")
  // `sqlite://…` means different things to different tools; refusing it is clearer than guessing.
  if (rest.startsWith("//")) return refuse("write sqlite:<path>, without //")
  if (rest.includes("\u0000")) return refuse("the file path contains a NUL character")
  return Either.right(Sqlite({ filename: rest }))
}

const parsePostgres = (value: string): Either.Either<DatabaseUrl, DatabaseUrlError> => {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return refuse("the postgres URL is malformed (check the port and that special characters are %-encoded)")
  }
  // A socket directory may stand in for the host: postgres:///db?host=/var/run/postgresql
  if (url.hostname.length === 0 && !url.searchParams.has("host")) {
    return refuse("the postgres URL has no host")
  }
  try {
    decodeURIComponent(url.username)
    decodeURIComponent(url.password)
    decodeURIComponent(url.pathname)
  } catch {
    return refuse("the postgres URL has an invalid %-escape")
  }
  return Either.right(Postgres({ url: Redacted.make(value) }))
}

/**
 * Parses a `BASHKE_DATABASE_URL` value (surrounding whitespace ignored).
 */
export const parse = (input: string): Either.Either<DatabaseUrl, DatabaseUrlError> => {
  const value = input.trim()
  if (value.length === 0) return refuse("it is empty")
  if (value.startsWith("sqlite:")) return parseSqlite(value.slice("sqlite:".length))
  if (value.startsWith("postgres://") || value.startsWith("postgresql://")) return parsePostgres(value)
  if (value.startsWith("d1:")) {
    const binding = value.slice("d1:".length)
    return bindingName.test(binding)
      ? Either.right(D1({ binding }))
      : refuse("the d1: form needs a binding name (letters, digits, underscore)")
  }
  const scheme = schemeLike.exec(value)?.[1]
  // Only a scheme followed by `://` is echoed: it sits before any credentials.
  return refuse(scheme === undefined ? "it does not start with a known scheme" : `unknown scheme ${scheme}`)
}

/**
 * `parse` as an Effect, failing with `DatabaseUrlError`.
 */
export const decode = (input: string): Effect.Effect<DatabaseUrl, DatabaseUrlError> => parse(input)

/**
 * A description safe for logs: the PostgreSQL password is masked.
 */
export const describe = (url: DatabaseUrl): string =>
  $match(url, {
    Sqlite: ({ filename }) => `sqlite:${filename}`,
    D1: ({ binding }) => `d1:${binding}`,
    Postgres: ({ url }) => {
      const parsed = new URL(Redacted.value(url))
      if (parsed.password.length > 0) parsed.password = "***"
      parsed.search = ""
      return parsed.toString()
    },
  })
