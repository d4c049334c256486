import { openToAll } from '~/web/route.server.ts'
import { redirectToProvider } from '~/web/oidc.server.ts'

/** Single sign-on starts here: off to the organisation's identity provider. */
export const loader = openToAll(({ request }) => redirectToProvider(request))
