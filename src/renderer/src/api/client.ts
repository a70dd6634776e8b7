import type { AppContract, CallName } from '../../../shared/contract'
import type { InputOf, OutputOf } from '../../../shared/contract/define'
import type { ErrorBody, Result } from '../../../shared/errors'
import type { DocumentRef } from '../../../shared/contract/system'

/** A refused or failed call, carrying the code and params the UI translates. */
export class ApiError extends Error {
  readonly body: ErrorBody
  constructor(body: ErrorBody) {
    super(body.message)
    this.body = body
  }
}

type Transport = (name: string, input: unknown, token: string | null) => Promise<Result<unknown>>

// The desktop app's preload puts `window.api` there; a browser gets the same calls over HTTP.
const ipcTransport: Transport | null = window.api
  ? (name, input, token) => {
      const fn = window.api?.[name]
      if (!fn) return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: name } })
      return fn(input, token)
    }
  : null

const httpTransport: Transport = async (name, input, token) => {
  try {
    const res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ input })
    })
    if (!res.ok) return { ok: false, error: { code: 'network', message: `HTTP ${res.status}` } }
    return (await res.json()) as Result<unknown>
  } catch {
    return { ok: false, error: { code: 'network', message: 'The app service cannot be reached.' } }
  }
}

export const transportKind: 'ipc' | 'http' = ipcTransport ? 'ipc' : 'http'
const transport: Transport = ipcTransport ?? httpTransport

let sessionToken: string | null = sessionStorage.getItem('frontdesk.token')
const listeners = new Set<() => void>()

export function setSessionToken(token: string | null): void {
  sessionToken = token
  if (token) sessionStorage.setItem('frontdesk.token', token)
  else sessionStorage.removeItem('frontdesk.token')
}

/** Called when a call says the session is gone, so the app can show the sign-in screen. */
export function onSignedOut(fn: () => void): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}

export async function call<N extends CallName>(name: N, input: InputOf<AppContract[N]>): Promise<OutputOf<AppContract[N]>> {
  const result = await transport(name, input, sessionToken)
  if (!result.ok) {
    if (result.error.code === 'unauthenticated') listeners.forEach((fn) => fn())
    throw new ApiError(result.error)
  }
  return result.value as OutputOf<AppContract[N]>
}

/**
 * Shows a rendered PDF: the desktop app opens the system print dialog or a save dialog; the
 * browser fetches it with the session and opens it in a new tab.
 */
export async function showDocument(doc: DocumentRef, action: 'print' | 'save'): Promise<void> {
  if (transportKind === 'ipc') {
    await call('documents.show', { documentId: doc.documentId, action })
    return
  }
  const res = await fetch(`/documents/${doc.documentId}`, {
    headers: sessionToken ? { Authorization: `Bearer ${sessionToken}` } : {}
  })
  if (!res.ok) throw new ApiError({ code: 'not_found', message: 'document expired' })
  const url = URL.createObjectURL(await res.blob())
  if (action === 'save') {
    const a = document.createElement('a')
    a.href = url
    a.download = doc.fileName
    a.click()
  } else {
    window.open(url, '_blank', 'noopener')
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
