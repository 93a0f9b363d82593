/**
 * The police plugin's configuration (its `config` in the host
 * configuration).
 */
import { Id } from "@bashke/kernel"
import { Schema } from "effect"

const Int = (min: number, max: number) => Schema.Int.pipe(Schema.between(min, max))

/**
 * - `baseUrl` — the police API (`https://police.example/api`);
 * - `apiKey` — sent on every call in the `apiKeyHeader` header (`x-api-key`);
 * - `pageSize` — records asked for per pull (1–5,000; 500);
 * - `intervalSeconds` — between two pulls (300; the host's `pulls.reports.every` overrides it);
 * - `timeoutMillis` — for one call to the API (10,000);
 * - `policeInstitution` — the police's institution id: referrals sent to it
 *   are notified to the API (no notices without it).
 */
export const PoliceConfig = Schema.Struct({
  baseUrl: Schema.String.pipe(Schema.pattern(/^https?:\/\/[^\s]+$/)),
  apiKey: Schema.Redacted(Schema.String.pipe(Schema.minLength(1))),
  apiKeyHeader: Schema.optionalWith(Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9-]{1,64}$/)), {
    default: () => "x-api-key",
  }),
  pageSize: Schema.optionalWith(Int(1, 5000), { default: () => 500 }),
  intervalSeconds: Schema.optionalWith(Int(1, 86_400), { default: () => 300 }),
  timeoutMillis: Schema.optionalWith(Int(100, 120_000), { default: () => 10_000 }),
  policeInstitution: Schema.optional(Id.InstitutionId),
}).annotations({ identifier: "PoliceConfig" })

export type PoliceConfig = typeof PoliceConfig.Type
