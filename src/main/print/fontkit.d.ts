/** The one fontkit function the print code uses (fontkit ships no types for its Node entry). */
declare module 'fontkit' {
  export function create(data: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean; numGlyphs: number }
}
