import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as fontkit from 'fontkit'
import pdfmake from 'pdfmake'
import type { Locale } from '../../shared/contract/common'

const resolveModule = createRequire(import.meta.url).resolve

const FILES = {
  'sc-regular.ttf': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'sc-bold.ttf': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'tc-regular.ttf': '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
  'tc-bold.ttf': '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf'
} as const

let loaded = false

/**
 * Reads the Noto Sans SC / TC files once into pdfmake's in-memory file system; every later
 * document subsets them from memory. pdfmake may then read no other file and fetch no URL.
 */
export function ensureFonts(): typeof pdfmake {
  if (loaded) return pdfmake
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs
  for (const [name, module] of Object.entries(FILES)) vfs.writeFileSync(name, readFileSync(resolveModule(module)))
  pdfmake.setFonts({
    NotoSansSC: { normal: 'sc-regular.ttf', bold: 'sc-bold.ttf', italics: 'sc-regular.ttf', bolditalics: 'sc-bold.ttf' },
    NotoSansTC: { normal: 'tc-regular.ttf', bold: 'tc-bold.ttf', italics: 'tc-regular.ttf', bolditalics: 'tc-bold.ttf' }
  })
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(() => false)
  loaded = true
  return pdfmake
}

let tcCoverage: { hasGlyphForCodePoint(cp: number): boolean } | null = null

/** Whether Noto Sans TC can draw every character of a text (it lacks Simplified-only ones like 张 and 们). */
export function tcCanDraw(text: string): boolean {
  tcCoverage ??= fontkit.create(readFileSync(resolveModule(FILES['tc-regular.ttf'])))
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number
    if (cp > 0x2e7f && !tcCoverage.hasGlyphForCodePoint(cp)) return false
  }
  return true
}

/** Traditional Chinese glyphs for zh-TW; the SC font covers English too. */
export const fontFor = (locale: Locale): string => (locale === 'zh-TW' ? 'NotoSansTC' : 'NotoSansSC')
