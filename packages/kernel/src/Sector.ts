/**
 * The sectors whose institutions take part in a coordination mechanism. A
 * sector is what a member covers; the memorandum's composition check compares
 * the sectors it expects with those its members cover.
 */
import { Schema } from "effect"
import * as Catalogue from "./Catalogue"
import type * as Locale from "./Locale"
import { kernelMessages } from "./Messages"

/**
 * A sector, as a kebab-case code. Labels come from the catalogue (`sector.<code>`).
 */
export const Sector = Schema.Literal(
  "police",
  "prosecution",
  "victim-advocacy",
  "court",
  "shelter",
  "social-work",
  "health",
  "education",
  "employment",
  "legal-aid",
  "municipality",
  "civil-society",
).annotations({ identifier: "Sector" })

export type Sector = typeof Sector.Type

/**
 * Every sector, in the order they are listed.
 */
export const all: ReadonlyArray<Sector> = Sector.literals

/**
 * The catalogue key of a sector's label.
 */
export const labelKey = (sector: Sector): `sector.${Sector}` => `sector.${sector}`

/**
 * A sector's label in `locale`: `label("social-work", "sq")` is "Puna sociale".
 */
export const label = (sector: Sector, locale: Locale.Locale): string =>
  Catalogue.format(kernelMessages, locale, labelKey(sector))
