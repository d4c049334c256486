// Translated texts on the server (pages and e-mails) in Dutch or English. One i18next instance
// per language for the whole process: the server only reads translations (it never changes an
// instance's language), and initialising i18next on every request was a measurable share of each
// page's CPU time under load.
import { createInstance, type i18n as I18n } from 'i18next'
import { i18nConfig, isLanguage, defaultLanguage, type Language } from '~/i18n.ts'

const instances = new Map<Language, Promise<I18n>>()

export function getI18nInstance(language: Language): Promise<I18n> {
  let instance = instances.get(language)
  if (!instance) {
    const created = createInstance()
    instance = created.init({ ...i18nConfig, lng: language }).then(() => created)
    instances.set(language, instance)
  }
  return instance
}

/** The translate function of a language (an unknown value falls back to Dutch). */
export async function translator(language: unknown) {
  return (await getI18nInstance(isLanguage(language) ? language : defaultLanguage)).t
}
