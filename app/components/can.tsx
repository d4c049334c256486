import { AbilityProvider, Can as CaslCan, useAbility as useCaslAbility, type CanProps } from '@casl/react'
import type { ReactNode } from 'react'
import type { AppAbility } from '~/permissions/ability.ts'

/** Provides the signed-in user's ability in the browser: the server's rules, rebuilt (see root.tsx). */
export function AbilityContext({ ability, children }: { ability: AppAbility; children: ReactNode }) {
  return <AbilityProvider value={ability}>{children}</AbilityProvider>
}

/** <Can I="create" a="Region">…</Can>: hides what the user cannot do. The server still checks. */
export function Can(props: CanProps<AppAbility>) {
  return <CaslCan {...(props as CanProps<AppAbility>)} />
}

export const useAbility = () => useCaslAbility<AppAbility>()
