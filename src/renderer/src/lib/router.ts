import { useSyncExternalStore } from 'react'

/** A hash router: the app is one page, and the hash names the screen (#/customers/12). */
function subscribe(fn: () => void): () => void {
  window.addEventListener('hashchange', fn)
  return () => window.removeEventListener('hashchange', fn)
}

export function useRoute(): string[] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
}

export function navigate(...parts: Array<string | number>): void {
  window.location.hash = '/' + parts.map((p) => encodeURIComponent(String(p))).join('/')
}
