/**
 * Writes `src/schema.ts` from the gateway's current OpenAPI document. Runs at
 * development time only (`pnpm --filter @bashke/client generate`): the
 * published client never imports the gateway.
 */
import { writeFileSync } from "node:fs"
import { OpenApi, routes } from "@bashke/gateway"
import { schemaFile, schemaSource } from "./SchemaSource"

writeFileSync(schemaFile, await schemaSource(OpenApi.document(routes)))
console.log(`wrote ${schemaFile.pathname} (${routes.length} operations)`)
