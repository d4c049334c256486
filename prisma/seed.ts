// `npm run db:seed`: creates or restores the demo organisation in the database DATABASE_URL
// names (stop the app first when it runs on the embedded database: one process per folder).
import { DEMO_PASSWORD, DEMO_USERS, seedDemoOrganisation } from './demo/organisation.ts'
import { closeDatabase, databaseReady, prisma } from '~/utils/db.server.ts'

try {
  await databaseReady()
  // Into an empty database the seed marks its beginning and end, so a kill half-way is finished next time.
  await seedDemoOrganisation({ fromEmpty: (await prisma.user.count()) === 0 })
  console.log(`Demo organisation ready. Users (password "${DEMO_PASSWORD}"):`)
  for (const user of DEMO_USERS) console.log(`  ${user.email}`)
} finally {
  await closeDatabase()
}
