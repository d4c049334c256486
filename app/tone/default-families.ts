// The phrase families Leidraad starts with (default-families.json, data rather than code).
// They are copied into the database the first time the families are read; from then on HQ
// maintains them on the tone-check admin page.
import defaults from './default-families.json' with { type: 'json' }
import type { PhraseFamilyData } from './checker.ts'

export interface DefaultPhraseFamily extends Omit<PhraseFamilyData, 'id'> {
  key: string
}

export const DEFAULT_PHRASE_FAMILIES: DefaultPhraseFamily[] = defaults.map((family) => ({
  key: family.key,
  name: family.name,
  patterns: family.patterns.join('\n'),
  exceptions: family.exceptions.join('\n'),
  explanation: family.explanation,
  suggestion: family.suggestion,
}))
