import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { MESSAGES, localeFor } from '../../shared/i18n'
import type { Locale } from '../../shared/contract/common'

export const systemLocale: Locale = localeFor(navigator.language)

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(MESSAGES).map(([lng, messages]) => [lng, { translation: messages }])),
  lng: systemLocale,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false
})

export function applyLocale(locale: Locale): void {
  void i18n.changeLanguage(locale)
  document.documentElement.lang = locale
}

export default i18n
