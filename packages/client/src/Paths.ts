/**
 * The API's paths as the client takes them: the generated `paths`, except that
 * `Idempotency-Key` is optional, because the client makes one for every POST
 * that does not bring its own. Every other parameter keeps the document's
 * typing, so `If-Match` stays required where the API requires it.
 */
import type { paths } from "./schema"

type Simplify<T> = { [K in keyof T]: T[K] } & {}

type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T]

/** `header` is optional once nothing in it is required (openapi-fetch then makes `params` optional too). */
type HeaderParameter<Header> = RequiredKeysOf<Header> extends never ? { header?: Header } : { header: Header }

type WithOptionalIdempotencyKey<Operation> = Operation extends { parameters: { header: infer Header } }
  ? Simplify<
      Omit<Operation, "parameters"> & {
        parameters: Simplify<
          Omit<Operation["parameters"], "header"> &
            HeaderParameter<Simplify<Omit<Header, "Idempotency-Key"> & { "Idempotency-Key"?: string }>>
        >
      }
    >
  : Operation

/**
 * The generated `paths` with `Idempotency-Key` optional on every operation.
 */
export type Paths = {
  [Path in keyof paths]: { [Method in keyof paths[Path]]: WithOptionalIdempotencyKey<paths[Path][Method]> }
}
