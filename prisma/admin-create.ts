// `ADMIN_PASSWORD=… npm run admin:create -- <email> [name]`: makes the first admin on whatever
// DATABASE_URL points at (or makes an existing user admin; the password is then optional and, when
// given, replaces theirs). The password comes from the environment, never from the command line,
// so it does not end up in the shell history or the process list.
import { createOrPromoteAdmin } from '~/models/user.server.ts'
import { closeDatabase, databaseReady } from '~/utils/db.server.ts'
import { DomainError } from '~/utils/errors.ts'

const [email, ...nameParts] = process.argv.slice(2)
if (!email) {
  console.error('Usage: ADMIN_PASSWORD=… npm run admin:create -- <email> [name]')
  process.exit(2)
}
let exitCode = 0
try {
  await databaseReady()
  const { user, created } = await createOrPromoteAdmin({
    email,
    name: nameParts.join(' ') || undefined,
    password: process.env.ADMIN_PASSWORD || undefined,
  })
  console.log(created ? `Created ${user.email} as admin.` : `${user.email} is now admin.`)
} catch (error) {
  exitCode = 1
  if (error instanceof DomainError) {
    const why: Record<string, string> = {
      'admin.passwordRequired': 'A new admin needs a password: set ADMIN_PASSWORD.',
      'errors.passwordTooShort': 'ADMIN_PASSWORD must be at least 10 characters.',
      'errors.email': `"${email}" is not an e-mail address.`,
    }
    console.error(why[error.key] ?? error.key)
  } else {
    console.error(error)
  }
} finally {
  await closeDatabase()
}
process.exit(exitCode)
