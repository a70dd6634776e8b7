import type { ErrorBody } from '../shared/errors'

/** What the preload puts on window: one function per call name. */
export type PreloadApi = Record<string, (input: unknown, token: string | null) => Promise<
  { ok: true; value: unknown } | { ok: false; error: ErrorBody }
>>

declare global {
  interface Window {
    api?: PreloadApi
  }
}
