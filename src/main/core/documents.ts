import { randomBytes } from 'node:crypto'

interface StoredDocument {
  pdf: Buffer
  fileName: string
  contentType: string
  ownerToken: string | null
  storedAt: number
}

const KEEP_MS = 10 * 60_000
const MAX_DOCUMENTS = 50

/**
 * Rendered PDFs wait here for the window that asked for them to print, save or open them.
 * A document is only handed to the session that rendered it, and only for a few minutes.
 */
export class DocumentStore {
  private readonly docs = new Map<string, StoredDocument>()

  /** Stores a rendered file (a PDF unless contentType says otherwise) for the session `ownerToken`. */
  put(pdf: Buffer, fileName: string, ownerToken: string | null, contentType = 'application/pdf'): string {
    this.prune()
    const id = randomBytes(16).toString('hex')
    this.docs.set(id, { pdf, fileName, contentType, ownerToken, storedAt: Date.now() })
    return id
  }

  take(id: string, token: string | null): { pdf: Buffer; fileName: string; contentType: string } | null {
    const doc = this.docs.get(id)
    if (!doc || doc.ownerToken !== token) return null
    return { pdf: doc.pdf, fileName: doc.fileName, contentType: doc.contentType }
  }

  private prune(): void {
    const cutoff = Date.now() - KEEP_MS
    for (const [id, doc] of this.docs) if (doc.storedAt < cutoff) this.docs.delete(id)
    while (this.docs.size >= MAX_DOCUMENTS) {
      const oldest = this.docs.keys().next().value
      if (oldest === undefined) break
      this.docs.delete(oldest)
    }
  }
}
