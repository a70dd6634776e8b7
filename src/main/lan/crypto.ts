import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Everything between a workstation and the host travels sealed with the device's key
 * (AES-256-GCM): the shop's LAN sees neither PINs nor customer data, and a request that was
 * changed, or sealed with another device's key, does not open.
 */
export interface Sealed {
  iv: string
  data: string
  tag: string
}

export function newDeviceKey(): string {
  return randomBytes(32).toString('base64')
}

export function seal(keyBase64: string, payload: unknown, aad: string): Sealed {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyBase64, 'base64'), iv)
  cipher.setAAD(Buffer.from(aad))
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()])
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') }
}

/** Opens a sealed payload, or returns null if it was not sealed with this key for this purpose. */
export function open(keyBase64: string, sealed: unknown, aad: string): unknown {
  const s = sealed as Partial<Sealed> | null
  if (!s || typeof s.iv !== 'string' || typeof s.data !== 'string' || typeof s.tag !== 'string') return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(keyBase64, 'base64'), Buffer.from(s.iv, 'base64'))
    decipher.setAAD(Buffer.from(aad))
    decipher.setAuthTag(Buffer.from(s.tag, 'base64'))
    const plain = Buffer.concat([decipher.update(Buffer.from(s.data, 'base64')), decipher.final()])
    return JSON.parse(plain.toString('utf8'))
  } catch {
    return null
  }
}

export function hmac(keyBase64: string, text: string): string {
  return createHmac('sha256', Buffer.from(keyBase64, 'base64')).update(text).digest('base64url')
}

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
