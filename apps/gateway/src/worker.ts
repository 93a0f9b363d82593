/**
 * The gateway on Cloudflare Workers (docs/adr/0003-workers-store.md): the
 * module's default export has the `fetch` and `scheduled` handlers
 * (`WorkerHandlers`), over the plugin list `pnpm build:worker` generates from
 * `BASHKE_PLUGINS_CONFIG` (`scripts/worker-plugins.ts`; committed empty, so a
 * Worker built without that variable runs no plugins). This module and what it
 * imports must stay free of Node-only modules.
 */
import * as WorkerHandlers from "./WorkerHandlers"
import { configuration, plugins } from "./worker-plugins.generated"

export type { WorkerContext, WorkerEnv } from "./WorkerHandlers"

export default WorkerHandlers.make({ configuration, plugins })
