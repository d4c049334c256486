import { redirect } from '@remix-run/node'
import { openNotification } from '~/models/notifications.server.ts'
import { NotFound } from '~/utils/errors.ts'
import { signedIn } from '~/web/route.server.ts'

/** Opening a notification marks it read and goes to where the reader acts. */
export const loader = signedIn(async ({ user, ability, params }) => {
  const to = await openNotification(ability, user.id, params.notificationId ?? '')
  if (!to) throw new NotFound()
  throw redirect(to)
})
