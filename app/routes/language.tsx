import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { defaultLanguage, isLanguage } from '~/i18n.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'
import { setOwnLanguage } from '~/models/user.server.ts'
import { dispatch } from '~/web/action.server.ts'
import { getSessionUser } from '~/web/auth.server.ts'
import { languageCookie } from '~/web/i18n.server.ts'
import { openToAll } from '~/web/route.server.ts'

export const loader = () => redirect('/')

const LanguageSchema = z.object({ language: z.string().optional(), redirectTo: z.string().optional() })

/** Switches the interface language (a cookie); works without JavaScript. Open to everyone. */
export const action = openToAll(({ request }) =>
  dispatch(request, LanguageSchema, async ({ language, redirectTo }) => {
    const chosen = isLanguage(language) ? language : defaultLanguage
    // Signed in: e-mails follow the interface language too.
    const user = await getSessionUser(request)
    if (user) await setOwnLanguage(user.id, chosen)
    return redirect(safeRedirectPath(redirectTo), { headers: { 'Set-Cookie': await languageCookie.serialize(chosen) } })
  }),
)
