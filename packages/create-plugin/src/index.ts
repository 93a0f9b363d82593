/**
 * The Bashkë plugin starter, as a library: `Starter.generate` writes what
 * `npm create @bashke/plugin` writes.
 */
export * as Starter from "./Starter"
