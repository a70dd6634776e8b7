import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import { ApiError } from '../api/client'
import { formatDateTime } from './format'

/** The message for a failed call, in the user's language. */
export function errorMessage(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const { code, params, message } = err.body
    // Instants in params (who changed a record when) read as the shop's local time.
    const shown = Object.fromEntries(
      Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(v) ? formatDateTime(v) : v])
    )
    const translated = t(messageKey('errors', code), { ...shown, defaultValue: '' }) as string
    return translated || message
  }
  return t('errors.internal')
}

/**
 * Where a code's message lives: `stale_version` → errors.stale_version; a part's own code
 * `board.clash` → board.errors.clash (and validation keys likewise, under <part>.validation).
 */
export function messageKey(kind: 'errors' | 'validation', code: string): string {
  const dot = code.indexOf('.')
  return dot < 0 ? `${kind}.${code}` : `${code.slice(0, dot)}.${kind}.${code.slice(dot + 1)}`
}

export function showError(t: TFunction, err: unknown): void {
  notifications.show({ color: 'red', title: errorMessage(t, err), message: fieldSummary(t, err), autoClose: 8000 })
}

function fieldSummary(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError) || !err.body.issues?.length) return ''
  return err.body.issues.map((i) => `${i.path}: ${t(messageKey('validation', i.key), i.params ?? {}) as string}`).join('\n')
}

/**
 * Field-by-field messages for a form, from the issues main sent back: `{ phone: 'Not a phone…' }`.
 * `prefix` strips a nested object's path (vehicle.plate → plate).
 */
export function fieldErrors(t: TFunction, err: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  if (!(err instanceof ApiError)) return out
  for (const issue of err.body.issues ?? []) {
    if (prefix && !issue.path.startsWith(prefix)) continue
    out[issue.path.slice(prefix.length)] = t(messageKey('validation', issue.key), issue.params ?? {}) as string
  }
  return out
}
