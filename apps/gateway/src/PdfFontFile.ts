/**
 * DejaVu Sans (Latin, Latin Extended and Cyrillic: every locale's letters)
 * from the pinned `dejavu-fonts-ttf` package, read once on first use. Node
 * only: it reads a file.
 */
import { readFile } from "node:fs/promises"
import { createRequire } from "node:module"
import { Effect, Layer } from "effect"
import { PdfFont } from "./PdfFont"

/** The font file's path, resolved from this package's dependencies. */
export const path = (): string => createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")

/** The font read from `path()`; a missing file is a defect. */
export const layer: Layer.Layer<PdfFont> = Layer.effect(
  PdfFont,
  Effect.map(Effect.cached(Effect.promise(() => readFile(path()).then((bytes) => new Uint8Array(bytes)))), (bytes) => ({
    bytes,
  })),
)
