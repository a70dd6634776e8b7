import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import type { Core } from '../core/context'
import { readBody } from './body'
import { dispatch } from '../core/dispatch'
import { CONTENT_SECURITY_POLICY } from '../security'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json'
}

export interface WebServer {
  url: string
  port: number
  server: Server
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra
  })
  res.end(body)
}

const bearer = (req: IncomingMessage): string | null => {
  const h = req.headers.authorization
  return h && h.startsWith('Bearer ') ? h.slice(7) : null
}

/**
 * Browser mode: the contract over HTTP on 127.0.0.1, and the built renderer beside it.
 * Only this machine can connect; a page from another origin cannot call (Origin and Host
 * are checked, which also defeats DNS rebinding).
 */
export async function startWebServer(core: Core, options: { port?: number; staticDir?: string }): Promise<WebServer> {
  const staticRoot = options.staticDir ? resolve(options.staticDir) : null
  let origins: Set<string> = new Set()
  let hosts: Set<string> = new Set()

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hosts.has(req.headers.host ?? '')) return send(res, 421, 'wrong host', 'text/plain')
    const url = new URL(req.url ?? '/', 'http://localhost')

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain')
      const origin = req.headers.origin
      if (origin && !origins.has(origin)) return send(res, 403, 'foreign origin', 'text/plain')
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'application/json only', 'text/plain')
      }
      let payload: unknown
      try {
        payload = JSON.parse(await readBody(req))
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'Body is not JSON.' } }), 'application/json')
      }
      const name = decodeURIComponent(url.pathname.slice('/api/'.length))
      const input = payload && typeof payload === 'object' ? (payload as { input?: unknown }).input : undefined
      const result = await dispatch(core, name, input, bearer(req))
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8')
    }

    if (url.pathname.startsWith('/documents/')) {
      // The PDF is fetched with the session's bearer token and shown from a blob: no token in URLs.
      const id = url.pathname.slice('/documents/'.length)
      const doc = core.remote ? await core.remote.fetchDocument(id, bearer(req)) : core.documents.take(id, bearer(req))
      if (!doc) return send(res, 404, 'no such document', 'text/plain')
      const inline = doc.contentType === 'application/pdf'
      return send(res, 200, doc.pdf, doc.contentType, {
        'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`
      })
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain')
    if (!staticRoot) return send(res, 404, 'no renderer built', 'text/plain')
    const wanted = normalize(join(staticRoot, decodeURIComponent(url.pathname)))
    const file = wanted.startsWith(staticRoot) && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(staticRoot, 'index.html')
    if (!existsSync(file)) return send(res, 404, 'renderer not built: run npm run build', 'text/plain')
    const type = TYPES[extname(file)] ?? 'application/octet-stream'
    res.writeHead(200, {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      ...(type.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-store' } : { 'Cache-Control': 'max-age=3600' })
    })
    createReadStream(file).pipe(res)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[web] request failed', err)
      if (!res.headersSent) send(res, 500, 'internal error', 'text/plain')
      else res.end()
    })
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => ok())
  })
  const port = (server.address() as AddressInfo).port
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      })
  }
}
