import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { dispatch } from '~/web/action.server.ts'
import { signOut } from '~/web/auth.server.ts'
import { openToAll } from '~/web/route.server.ts'

export const loader = () => redirect('/')

export const action = openToAll(({ request }) => dispatch(request, z.object({}), () => signOut(request)))
