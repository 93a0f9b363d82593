/**
 * A page cursor's text as it travels in a query string or a response: base64url
 * characters. Apart from `Cursor` so that a browser screen validating its
 * search parameters does not carry the cursor's decoding into its first page.
 */
import { Schema } from "effect"

/**
 * A cursor as it travels in a query string or a response.
 */
export const Cursor = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9_-]*$/, { identifier: "Cursor", message: () => "pagination.cursor.malformed" }),
)
