/**
 * The Node gateway's `TransferMemory`: when the buffers outside V8's heap
 * (`process.memoryUsage().arrayBuffers`) have grown by more than `slack`
 * above the lowest seen since the last collection, it runs a full
 * collection, so a document of any size raises the process by about
 * `slack`, not by V8's own threshold of some 64 MiB (ADR 0026).
 *
 * Why a full collection, asked for: the pieces of a body live long enough to
 * be promoted to V8's old generation (they wait in the socket's and the
 * stream's queues), so a minor collection does not free them, and nothing
 * else tells V8 they are garbage. The collector is reached the way
 * `--expose-gc` does, without the flag: exposed for one new context, then
 * hidden again, so no code of the app or of a plugin sees a global `gc`.
 * The check reads the process's memory once per `checkEvery` bytes passed,
 * never per piece; a collection costs tens of milliseconds, and comes at
 * most once per `slack` of buffers made, so uploads and downloads pay for it
 * in proportion to their size, and requests that move no file never do.
 */
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import type { TransferMemory } from "./TransferMemory"

const MiB = 1024 * 1024

/** How much the buffers may grow before a collection, and how often that is checked. */
export interface Settings {
  readonly slack: number
  readonly checkEvery: number
}

/** 4 MiB of buffers; checked every 512 KiB passed. */
export const defaultSettings: Settings = { slack: 4 * MiB, checkEvery: MiB / 2 }

type Collect = () => void

/** V8's full collection: the process's own `gc` when started with `--expose-gc`, else one exposed for the purpose. */
const collector = (): Collect => {
  const exposed = (globalThis as { gc?: Collect }).gc
  if (typeof exposed === "function") return () => exposed()
  setFlagsFromString("--expose-gc")
  try {
    const gc = runInNewContext("gc") as Collect
    return () => gc()
  } finally {
    setFlagsFromString("--no-expose-gc")
  }
}

/**
 * The rule, over any reading of the buffers and any collector: a reading
 * every `checkEvery` bytes passed, a collection when it stands more than
 * `slack` above the lowest reading since the last collection.
 */
export const pacer = (settings: Settings, read: () => number, collect: () => void): TransferMemory => {
  let unchecked = 0
  // The lowest reading since the last collection: what is live, roughly. A
  // collection's sweep ends after it returns, so the reading right after it
  // is still high; the next lower ones bring the floor down.
  let floor = read()
  return {
    passed: (bytes) => {
      unchecked += bytes
      if (unchecked < settings.checkEvery) return
      unchecked = 0
      const now = read()
      if (now < floor) floor = now
      else if (now - floor > settings.slack) {
        collect()
        floor = read()
      }
    },
  }
}

/** A `TransferMemory` for this process. */
export const make = (settings: Settings = defaultSettings): TransferMemory =>
  pacer(settings, () => process.memoryUsage().arrayBuffers, collector())
