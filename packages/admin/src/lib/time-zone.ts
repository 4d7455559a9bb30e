import { DEFAULT_TIME_ZONE, timeZoneSchema } from '@torii/schema/site-input'

/** The admin's own time zone as the browser reports it, when the server would take it; else UTC. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return timeZoneSchema.safeParse(zone).success ? zone : DEFAULT_TIME_ZONE
}
