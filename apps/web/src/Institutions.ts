/** An institution's name, from the names the API sends beside its answer, in the reader's language. */
import type { Schemas } from "@bashke/client"
import type { Locale } from "@bashke/kernel"

export const nameOf = (names: Schemas["InstitutionNames"], id: string, locale: Locale.Locale): string =>
  names[id]?.[locale] ?? id
