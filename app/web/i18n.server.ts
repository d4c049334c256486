import { createCookie } from '@remix-run/node'
import { createInstance, type i18n as I18n } from 'i18next'
import { defaultLanguage, i18nConfig, isLanguage, type Language } from '~/i18n.ts'

/**
 * The interface language someone chose with the switch in the header. Dutch is the default for
 * everyone until they choose otherwise (the organisation works in Dutch, whatever the browser says).
 */
export const languageCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

export async function getLanguage(request: Request): Promise<Language> {
  const chosen: unknown = await languageCookie.parse(request.headers.get('Cookie'))
  return isLanguage(chosen) ? chosen : defaultLanguage
}

// One instance per language for the whole process: the server only reads translations (it never
// changes an instance's language), and initialising i18next on every request was a measurable
// share of each page's CPU time under load.
const instances = new Map<Language, Promise<I18n>>()

export function getI18nInstance(language: Language): Promise<I18n> {
  let instance = instances.get(language)
  if (!instance) {
    const created = createInstance()
    instance = created.init({ ...i18nConfig, lng: language }).then(() => created)
    instances.set(language, instance)
  }
  return instance
}
