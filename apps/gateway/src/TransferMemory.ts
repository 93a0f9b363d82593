/**
 * What a file going through the gateway costs its memory, and who keeps it
 * bounded. Every piece of an upload (the HTTP parser's copy of the body) and
 * of a download (the chunk read, its plaintext) is a new buffer outside the
 * JavaScript heap; they die at once, but V8 frees them only when it collects,
 * and it lets some 64 MiB of them pile up first (ADR 0026). The Node entry
 * gives the app a `TransferMemory` that asks for a collection when they do;
 * the Workers entry, whose runtime meters memory itself, gives none.
 */

/** Told of each piece of a file that went through (its size in bytes). */
export interface TransferMemory {
  readonly passed: (bytes: number) => void
}

/** Nothing done: the runtime's own collector decides (Workers, tests in process). */
export const unmanaged: TransferMemory = { passed: () => {} }
