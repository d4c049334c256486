// The organisation's date formats (Europe/Amsterdam, Dutch or English), without React: shared by
// useDateFormat (utils/dates.ts) and the script of the frontline pages (app/frontline/enhance.ts).
export const ORGANISATION_TIME_ZONE = 'Europe/Amsterdam'

// Building an Intl.DateTimeFormat is costly; there are only four combinations.
const formats = new Map<string, Intl.DateTimeFormat>()
export function dateFormat(language: string, style: 'date' | 'dateTime') {
  const key = `${language}:${style}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
      dateStyle: style === 'date' ? 'long' : 'medium',
      timeStyle: style === 'date' ? undefined : 'short',
      timeZone: ORGANISATION_TIME_ZONE,
    })
    formats.set(key, format)
  }
  return format
}
