/**
 * The gateway on Cloudflare Workers (docs/adr/0003-workers-store.md): the
 * module's default export has the `fetch` and `scheduled` handlers
 * (`WorkerHandlers`), over the plugin list `pnpm build:worker` generates from
 * `BASHKE_PLUGINS_CONFIG` (`scripts/worker-plugins.ts`; committed empty, so a
 * Worker built without that variable runs no plugins), and the PDF font as a
 * Data module (wrangler.toml's `rules`: the bundle carries the file's bytes,
 * since a Worker reads no file; ADR 0025). This module and what it imports
 * must stay free of Node-only modules.
 */
import pdfFont from "dejavu-fonts-ttf/ttf/DejaVuSans.ttf"
import * as WorkerHandlers from "./WorkerHandlers"
import { configuration, plugins } from "./worker-plugins.generated"

export type { WorkerContext, WorkerEnv } from "./WorkerHandlers"

export default WorkerHandlers.make({ configuration, plugins }, { pdfFont: new Uint8Array(pdfFont) })
