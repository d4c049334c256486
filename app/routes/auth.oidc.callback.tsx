import { openToAll } from '~/web/route.server.ts'
import { completeSignIn } from '~/web/oidc.server.ts'

/** The identity provider sends the browser back here with a code: checked, exchanged, signed in. */
export const loader = openToAll(({ request }) => completeSignIn(request))
