import { Either } from "effect"
import { PoliceCsv, PoliceRecord } from "../src/index"

export const main = () => {
  const record = {
    reportId: "PK-2026-0000123",
    reportedAt: "2026-02-01T21:14:00Z",
    occurredOn: "2026-02-01",
    municipality: "GJI",
    forms: ["physical", "psychological"],
    children: "witnessed",
    place: "home",
    reportNumber: "GJI/2026/123",
    victim: {
      personalNumber: "1234567890",
      givenName: "Arta",
      familyName: "Krasniqi",
      birthDate: "1990-04-12",
      sex: "female",
    },
    perpetrator: {
      personalNumber: "1234567891",
      givenName: "Blerim",
      familyName: "Krasniqi",
      sex: "male",
      relationship: "married",
    },
  }
  // A record that decodes, and one that does not: the error names the field, never the value.
  const good = PoliceRecord.decode(record)
  const bad = PoliceRecord.decode({ ...record, victim: { ...record.victim, birthDate: "12.04.1990" } })

  // The same report as a CSV row; `forms` separated by `;`.
  const csv = [
    PoliceCsv.columns.join(","),
    "PK-2026-0000123,2026-02-01T21:14:00Z,2026-02-01,GJI,physical;psychological,witnessed,home,GJI/2026/123,1234567890,Arta,Krasniqi,1990-04-12,female,1234567891,Blerim,Krasniqi,,male,married",
  ].join("\r\n")
  const rows = PoliceCsv.parseFile(csv)
  const fromCsv = Either.flatMap(rows, ([row]) => PoliceRecord.decode(row?.record))

  return {
    good: Either.isRight(good),
    bad: Either.isLeft(bad) ? bad.left : "decoded",
    sameAsJson: Either.isRight(fromCsv) && Either.isRight(good) && fromCsv.right.reportId === good.right.reportId,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(main())
