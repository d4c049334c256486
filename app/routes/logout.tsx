import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { signOut } from '~/models/auth.server.ts'

export const loader = () => redirect('/')

export async function action({ request }: ActionFunctionArgs) {
  return signOut(request)
}
