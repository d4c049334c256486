import { createCookie } from '@remix-run/node'
import { defaultLanguage, isLanguage, type Language } from '~/i18n.ts'

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

export { getI18nInstance } from '~/utils/translations.server.ts'
