/**
 * The font the gateway draws PDFs in (the subject-access export): one with
 * the Latin and Cyrillic letters of every locale. On Node it is DejaVu Sans
 * from the pinned `dejavu-fonts-ttf` package: read from its file on Node
 * (`PdfFontFile`, bound by the server and the tests), bundled as a Data
 * module on Workers (`worker.ts`, `layerOf`). An entry that binds none fails
 * a PDF request as a defect (a 500 naming no value) rather than drawing a
 * document with letters missing.
 */
import { Context, Effect, Layer } from "effect"

export interface Service {
  /** The font's bytes (TrueType or OpenType). */
  readonly bytes: Effect.Effect<Uint8Array>
}

export class PdfFont extends Context.Tag("@bashke/gateway/PdfFont")<PdfFont, Service>() {}

/** No font bound: a PDF cannot be drawn here. */
export const layerNone: Layer.Layer<PdfFont> = Layer.succeed(PdfFont, {
  bytes: Effect.dieMessage("no PDF font is bound on this entry"),
})

/** A font whose bytes the entry already holds (the Workers entry's Data module). */
export const layerOf = (bytes: Uint8Array): Layer.Layer<PdfFont> =>
  Layer.succeed(PdfFont, { bytes: Effect.succeed(bytes) })
