import { personalData } from '~/models/user.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** The signed-in user's own data as a JSON download (their right of access). */
export const loader = signedIn(async ({ user }) => {
  const data = await personalData(user.id)
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="leidraad-mijn-gegevens-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  })
})
