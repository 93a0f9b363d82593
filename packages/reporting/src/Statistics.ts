/**
 * The port through which reports read the domain packages' published
 * statistics views (`case_statistics`, `perpetrator_statistics`,
 * `protection_order_statistics`, `referral_statistics`,
 * `meeting_statistics`). Every answer is a list of codes and counts; no
 * answer ever carries an id of a case or a person. The SQL adapter is
 * `SqlStatistics`; {@link layerTest} answers from fixed lists.
 */
import type { Id } from "@bashke/kernel"
import { Context, Effect, Layer } from "effect"
import type { Dimension } from "./Dimension"
import type { Source } from "./Source"

/**
 * Which records count: those of the period (by instant: `from` included,
 * `until` excluded), of one mechanism or all, and — where the profile asks for
 * it — only those of cases whose consent covers statistics.
 */
export interface Filter {
  readonly from: Date
  readonly until: Date
  readonly mechanismId?: Id.MechanismId | undefined
  readonly consentRequired: boolean
}

/**
 * A count of the records sharing one stored value per dimension asked for
 * (`values[i]` is the value of `dimensions[i]`; the forms of a case are one
 * stored value, `physical,sexual`).
 */
export interface Group {
  readonly values: ReadonlyArray<string>
  readonly count: number
}

/**
 * A count of the referrals of one service type answered and decided after the
 * same number of minutes (`undefined`: not answered, not decided).
 */
export interface ResponseGroup {
  readonly serviceType: string
  readonly acknowledgeMinutes: number | undefined
  readonly decideMinutes: number | undefined
  readonly count: number
}

/**
 * The meetings of one kind a mechanism held in the period.
 */
export interface MeetingGroup {
  readonly mechanismId: Id.MechanismId
  readonly kind: string
  readonly held: number
}

export interface Service {
  /** The records of a source counted by the stored values of some of its dimensions. */
  readonly groups: (
    source: Source,
    dimensions: ReadonlyArray<Dimension>,
    filter: Filter,
  ) => Effect.Effect<ReadonlyArray<Group>>
  /** The referrals sent in the period, counted by service type and minutes to answer and to decide. */
  readonly responseTimes: (filter: Filter) => Effect.Effect<ReadonlyArray<ResponseGroup>>
  /** The meetings that started in the period, by mechanism and kind (consent plays no part). */
  readonly meetings: (filter: Filter) => Effect.Effect<ReadonlyArray<MeetingGroup>>
  /** The mechanisms that ever recorded a meeting, ordered by id. */
  readonly mechanisms: Effect.Effect<ReadonlyArray<Id.MechanismId>>
}

export class Statistics extends Context.Tag("@bashke/reporting/Statistics")<Statistics, Service>() {}

/**
 * A test layer answering from fixed lists (the filter is ignored: give it the
 * answers of the period you ask for); every call is recorded in `calls`.
 */
export const layerTest = (answers: {
  readonly groups?: (source: Source, dimensions: ReadonlyArray<Dimension>) => ReadonlyArray<Group>
  readonly responseTimes?: ReadonlyArray<ResponseGroup>
  readonly meetings?: ReadonlyArray<MeetingGroup>
  readonly mechanisms?: ReadonlyArray<Id.MechanismId>
  readonly calls?: Array<string>
}): Layer.Layer<Statistics> =>
  Layer.succeed(Statistics, {
    groups: (source, dimensions) =>
      Effect.sync(() => {
        answers.calls?.push(`groups:${source}:${dimensions.join(",")}`)
        return answers.groups?.(source, dimensions) ?? []
      }),
    responseTimes: () =>
      Effect.sync(() => {
        answers.calls?.push("responseTimes")
        return answers.responseTimes ?? []
      }),
    meetings: () =>
      Effect.sync(() => {
        answers.calls?.push("meetings")
        return answers.meetings ?? []
      }),
    mechanisms: Effect.sync(() => {
      answers.calls?.push("mechanisms")
      return answers.mechanisms ?? []
    }),
  })
