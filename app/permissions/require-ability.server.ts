import { packRules } from '@casl/ability/extra'
import { requireUser, type SessionUser } from '~/models/auth.server.ts'
import type { AppAbility } from './ability.ts'
import { defineAbilityFor } from './ability.server.ts'

/**
 * The guard every loader and action starts with: the signed-in user (or a redirect to sign in)
 * and their ability, built from the one rule definition.
 */
export async function requireAbility(request: Request): Promise<{ user: SessionUser; ability: AppAbility }> {
  const user = await requireUser(request)
  return { user, ability: defineAbilityFor(user) }
}

/** The rules in the compact form the browser rebuilds its ability from. */
export function packAbility(ability: AppAbility) {
  return packRules(ability.rules)
}
