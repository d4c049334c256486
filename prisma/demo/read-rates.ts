// Demo read rates for HQ's "read rate per region over the last weeks": Noord catching up after a
// campaign, Zuid lagging. Only the weeks before today: today's rate is the worker's real snapshot.
import { prisma } from '~/utils/db.server.ts'
import { isoDateInOrganisation } from '~/utils/dates.ts'

const HISTORY: Record<string, number[]> = {
  // Oldest first, one value per week, as a share of what would be complete.
  noord: [0.35, 0.4, 0.5, 0.55, 0.62, 0.7, 0.78],
  zuid: [0.2, 0.22, 0.25, 0.25, 0.3, 0.34, 0.4],
}

export async function seedDemoReadRates(now = new Date()) {
  const regions = await prisma.region.findMany({
    where: { slug: { in: Object.keys(HISTORY) } },
    select: { id: true, slug: true },
  })
  for (const region of regions) {
    const shares = HISTORY[region.slug]!
    for (const [index, share] of shares.entries()) {
      const day = new Date(
        `${isoDateInOrganisation(new Date(now.getTime() - (shares.length - index) * 7 * 86_400_000))}T00:00:00Z`,
      )
      const expected = 40
      await prisma.readRateSnapshot.upsert({
        where: { regionId_day: { regionId: region.id, day } },
        create: { regionId: region.id, day, confirmed: Math.round(share * expected), expected },
        update: {},
      })
    }
  }
}
