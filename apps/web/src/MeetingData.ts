/**
 * The meetings' data as the screens read it, through TanStack Query: the
 * mechanism's meetings, one meeting, its agenda (decoded with the meeting
 * package's schema, so its titles come from the same rule the API's feed and
 * notifications use), minutes and decisions (read through the API's audited
 * POSTs), action items and the members on a day. Plus the jurisdiction's
 * local time for the forms: meetings are scheduled in the profile's time zone
 * whatever the computer's clock says.
 */
import { BashkeProblem, type Schemas } from "@bashke/client"
import { CivilDate, JurisdictionProfile } from "@bashke/kernel"
import { Agenda } from "@bashke/meeting"
import { useQuery } from "@tanstack/react-query"
import { Schema } from "effect"
import { useApi, useSession } from "./Session"

export type Meeting = Schemas["NamedMeeting"]

export const profile = JurisdictionProfile.kosovo

/** The query keys of one meeting's data: a command refetches them all. */
export const meetingKeys = (meetingId: string) => [["meeting", meetingId], ["meetings"]] as const

/** Whether the signed-in person coordinates the mechanism (the API decides; this only chooses what to offer). */
export const useIsCoordinator = (): boolean => useSession().me?.roles.includes("coordinator") ?? false

export const useMeetings = (mechanismId: string | undefined) => {
  const api = useApi()
  return useQuery({
    queryKey: ["meetings", mechanismId],
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/mechanisms/{mechanismId}/meetings", {
          params: { path: { mechanismId: mechanismId as string }, query: { limit: 200 } },
        })
      ).data.items,
  })
}

export const useMeeting = (meetingId: string) => {
  const api = useApi()
  return useQuery({
    queryKey: ["meeting", meetingId],
    queryFn: async () => (await api.GET("/v1/meetings/{meetingId}", { params: { path: { meetingId } } })).data,
  })
}

const decodeAgenda = Schema.decodeUnknownSync(Agenda.Agenda)

/** The agenda, its items as the meeting package models them, and the names of the institutions it mentions. */
export const useAgenda = (meetingId: string) => {
  const api = useApi()
  return useQuery({
    queryKey: ["meeting", meetingId, "agenda"],
    queryFn: async () => {
      const answer = (await api.GET("/v1/meetings/{meetingId}/agenda", { params: { path: { meetingId } } })).data
      return { agenda: decodeAgenda(answer), names: answer.institutionNames }
    },
  })
}

/** The minutes with their amendments; null while none are drafted (the API's 404). */
export const useMinutes = (meetingId: string, drafted: boolean) => {
  const api = useApi()
  return useQuery({
    queryKey: ["meeting", meetingId, "minutes"],
    enabled: drafted,
    queryFn: async () => {
      try {
        return (await api.POST("/v1/meetings/{meetingId}/minutes/read", { params: { path: { meetingId } } })).data
      } catch (error) {
        if (BashkeProblem.is(error) && error.status === 404) return null
        throw error
      }
    },
  })
}

export const useDecisions = (meetingId: string, held: boolean) => {
  const api = useApi()
  return useQuery({
    queryKey: ["meeting", meetingId, "decisions"],
    enabled: held,
    queryFn: async () =>
      (
        await api.POST("/v1/meetings/{meetingId}/decisions/read", {
          params: { path: { meetingId }, query: { limit: 200 } },
        })
      ).data.items,
  })
}

export const useMeetingActionItems = (meetingId: string, held: boolean) => {
  const api = useApi()
  return useQuery({
    queryKey: ["meeting", meetingId, "action-items"],
    enabled: held,
    queryFn: async () =>
      (
        await api.GET("/v1/meetings/{meetingId}/action-items", {
          params: { path: { meetingId }, query: { limit: 200 } },
        })
      ).data.items,
  })
}

/** The member institutions on a day (the attendance's rows, the owners offered), by name. */
export const useMembers = (mechanismId: string, on: string) => {
  const api = useApi()
  return useQuery({
    queryKey: ["members", mechanismId, on],
    queryFn: async () =>
      (
        await api.GET("/v1/mechanisms/{mechanismId}/memberships", {
          params: { path: { mechanismId }, query: { on, limit: 200 } },
        })
      ).data.items,
  })
}

/** The day of an instant in the jurisdiction. */
export const localDay = (at: Date | string): string => CivilDate.ofInstant(new Date(at), profile.timezone)

const offsetAt = (instant: number): number => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: profile.timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  )
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  )
  return asUtc - Math.floor(instant / 1000) * 1000
}

/**
 * The instant of a `datetime-local` value (`2026-12-08T10:00`) read in the
 * jurisdiction's time zone; undefined when it is not one.
 */
export const instantOfLocal = (value: string): Date | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (match === null) return undefined
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
  const wall = Date.UTC(y, mo - 1, d, h, mi)
  // The offset at the guess, then at the corrected instant (a change of offset that day).
  const first = wall - offsetAt(wall)
  return new Date(wall - offsetAt(first))
}

/** An instant as a `datetime-local` value in the jurisdiction's time zone. */
export const localOfInstant = (at: Date | string): string =>
  new Date(new Date(at).getTime() + offsetAt(new Date(at).getTime())).toISOString().slice(0, 16)
