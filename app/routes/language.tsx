import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { defaultLanguage, isLanguage } from '~/i18n.ts'
import { languageCookie } from '~/utils/i18n.server.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'

export const loader = () => redirect('/')

/** Switches the interface language (a cookie); works without JavaScript. Open to everyone. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  const requested = formData.get('language')
  const language = isLanguage(requested) ? requested : defaultLanguage
  return redirect(safeRedirectPath(formData.get('redirectTo')), {
    headers: { 'Set-Cookie': await languageCookie.serialize(language) },
  })
}
