/**
 * A past moment typed in a `datetime-local` field (the browser's clock and
 * zone), as the API's instant: left out when the field is empty, so the API
 * takes the moment it records.
 */

/** `{ [name]: ISO instant }`, or nothing for an empty or unreadable field. */
export const instantOf = (name: string, local: string): Record<string, string> => {
  if (local.trim() === "") return {}
  const at = new Date(local)
  return Number.isNaN(at.getTime()) ? { [name]: local } : { [name]: at.toISOString() }
}
