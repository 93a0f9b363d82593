/**
 * Counts by several dimensions at once (one query per source), and the
 * two-way tables drawn from them. Drawing a table adds up the groups over the
 * dimensions it does not show, and splits the multi-valued `form`: a group of
 * cases with physical and sexual violence adds its count to both forms.
 */
import type { JurisdictionProfile } from "@bashke/kernel"
import * as CrossTable from "./CrossTable"
import * as Dimension from "./Dimension"
import type { Group } from "./Statistics"

/**
 * Groups counted by `dimensions` (each group's `values[i]` belongs to `dimensions[i]`).
 */
export interface Cube {
  readonly dimensions: ReadonlyArray<Dimension.Dimension>
  readonly groups: ReadonlyArray<Group>
}

/**
 * The table of `rows` × `columns` (both among the cube's dimensions), listing
 * every code of each dimension (see `Dimension.listed`).
 */
export const table = (
  cube: Cube,
  rows: Dimension.Dimension,
  columns: Dimension.Dimension,
  profile: JurisdictionProfile.JurisdictionProfile,
): CrossTable.CrossTable => {
  const r = cube.dimensions.indexOf(rows)
  const c = cube.dimensions.indexOf(columns)
  if (r < 0 || c < 0) throw new Error(`Cube.table: ${rows} × ${columns} is not in the cube`)
  const tallies = cube.groups.flatMap((group) =>
    Dimension.split(rows, group.values[r] ?? "").flatMap((row) =>
      Dimension.split(columns, group.values[c] ?? "").map((column) => ({ row, column, count: group.count })),
    ),
  )
  return CrossTable.tabulate(
    Dimension.listed(
      rows,
      tallies.map((tally) => tally.row),
      profile,
    ),
    Dimension.listed(
      columns,
      tallies.map((tally) => tally.column),
      profile,
    ),
    tallies,
  )
}
