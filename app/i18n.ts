import en from './locales/en.ts'
import nl from './locales/nl.ts'

/** Interface languages. Dutch is the default; English sits beside it. */
export const supportedLanguages = ['nl', 'en'] as const
export type Language = (typeof supportedLanguages)[number]
export const defaultLanguage: Language = 'nl'

export const resources = { nl: { common: nl }, en: { common: en } } as const

export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  resources,
}

export function isLanguage(value: unknown): value is Language {
  return supportedLanguages.includes(value as Language)
}
