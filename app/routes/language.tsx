import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { defaultLanguage, isLanguage } from '~/i18n.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'
import { dispatch } from '~/web/action.server.ts'
import { languageCookie } from '~/web/i18n.server.ts'
import { openToAll } from '~/web/route.server.ts'

export const loader = () => redirect('/')

const LanguageSchema = z.object({ language: z.string().optional(), redirectTo: z.string().optional() })

/** Switches the interface language (a cookie); works without JavaScript. Open to everyone. */
export const action = openToAll(({ request }) =>
  dispatch(request, LanguageSchema, async ({ language, redirectTo }) =>
    redirect(safeRedirectPath(redirectTo), {
      headers: { 'Set-Cookie': await languageCookie.serialize(isLanguage(language) ? language : defaultLanguage) },
    }),
  ),
)
