export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/**
 * One part of the app's messages in its three languages. English defines the keys; the type makes
 * a key missing from zh-CN or zh-TW a compile error, and test/unit/i18n.test.ts checks the params.
 */
export function defineMessages<T extends object>(m: { en: T; 'zh-CN': Widen<T>; 'zh-TW': Widen<T> }) {
  return m
}
