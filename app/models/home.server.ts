// What a signed-in person's start page shows: their regions (with the workspace where they work
// on guidelines), the consultations open to them and how many principles are published. Whoever
// only reads published guidelines (frontline) starts in the handbook instead.
import { can, type AppAbility } from '~/permissions/ability.ts'
import type { SessionUser } from './auth.server.ts'
import { listPrinciples } from './principle.server.ts'

export async function startPage(ability: AppAbility, user: SessionUser) {
  if (user.memberships.length && !can(ability, 'readDraft', 'Guideline')) return { kind: 'handbook' as const }
  const principles = await listPrinciples(ability)
  return {
    kind: 'home' as const,
    consultations: principles
      .filter((p) => p.status === 'consultation')
      .map((p) => ({ slug: p.slug, title: p.workingTitle ?? p.title, endsAt: p.consultationEndsAt })),
    publishedCount: principles.filter((p) => p.position !== null && p.status !== 'archived').length,
    memberships: user.memberships.map((m) => ({
      role: m.role,
      region: m.region,
      workspace: can(ability, 'readDraft', 'Guideline', { regionId: m.regionId }),
    })),
  }
}
