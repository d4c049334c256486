// Dates as the organisation lives them: in the Netherlands (Europe/Amsterdam), whatever the
// server's or browser's time zone.
import { TZDate } from '@date-fns/tz'
import { useTranslation } from 'react-i18next'
import { dateFormat, ORGANISATION_TIME_ZONE } from './date-format.ts'

export { ORGANISATION_TIME_ZONE }

/** The last second of a calendar day ("2026-12-01") in the organisation's time zone. */
export function endOfDayInOrganisation(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(year, month - 1, day, 23, 59, 59, ORGANISATION_TIME_ZONE).getTime())
}

/** The first second of a calendar day in the organisation's time zone (for "on this date" facts). */
export function startOfDayInOrganisation(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(year, month - 1, day, 0, 0, 0, ORGANISATION_TIME_ZONE).getTime())
}

/** "2026-12-01" for a date, in the organisation's time zone (for <input type="date">). */
export function isoDateInOrganisation(date: Date): string {
  const local = new TZDate(date.getTime(), ORGANISATION_TIME_ZONE)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`
}

/** Formats dates in the interface language, in the organisation's time zone. */
export function useDateFormat(style: 'date' | 'dateTime' = 'dateTime') {
  const { i18n } = useTranslation()
  const format = dateFormat(i18n.language === 'en' ? 'en' : 'nl', style)
  return (value: Date | string) => format.format(typeof value === 'string' ? new Date(value) : value)
}
