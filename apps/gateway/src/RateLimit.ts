/**
 * The rate limit per principal: `perMinute` requests on average, bursts up to
 * `burst` — a token bucket of `@bashke/persistence`'s `Throttle`, counted in
 * the database on PostgreSQL (shared by every instance) and in memory over a
 * SQLite file (`RequestThrottle.layerByDialect`).
 */

export interface Settings {
  readonly perMinute: number
  readonly burst: number
}

/** 600 requests a minute, bursts of 120. */
export const defaults: Settings = { perMinute: 600, burst: 120 }
