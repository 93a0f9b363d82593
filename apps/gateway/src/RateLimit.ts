/**
 * A token bucket per principal: `perMinute` requests on average, bursts up to
 * `burst`. Kept in memory per gateway process (a Workers isolate counts its
 * own), which bounds a runaway client without a shared store.
 */

export interface Settings {
  readonly perMinute: number
  readonly burst: number
}

/** 600 requests a minute, bursts of 120. */
export const defaults: Settings = { perMinute: 600, burst: 120 }

export interface RateLimiter {
  /** Takes one request from the bucket of `key`; `false` when it is empty, with the seconds until one is back. */
  readonly take: (key: string, now: number) => { readonly allowed: boolean; readonly retryAfter: number }
}

export const make = (settings: Settings): RateLimiter => {
  const buckets = new Map<string, { tokens: number; at: number }>()
  const perMs = settings.perMinute / 60_000
  return {
    take: (key, now) => {
      const bucket = buckets.get(key) ?? { tokens: settings.burst, at: now }
      bucket.tokens = Math.min(settings.burst, bucket.tokens + (now - bucket.at) * perMs)
      bucket.at = now
      buckets.set(key, bucket)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return { allowed: true, retryAfter: 0 }
      }
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) }
    },
  }
}
