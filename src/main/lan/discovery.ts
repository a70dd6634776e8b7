import { Bonjour, type Service } from 'bonjour-service'

/**
 * Hosts announce themselves on the LAN with DNS-SD (`_frontdesk._tcp`); a new workstation lists
 * what it hears for a moment, so nobody has to type an address unless multicast is blocked.
 */
const TYPE = 'frontdesk'

export function announceHost(name: string, port: number): () => void {
  const bonjour = new Bonjour()
  const service = bonjour.publish({ name: `Front Desk · ${name}`.slice(0, 60), type: TYPE, port, txt: { v: '1' } })
  return () => {
    service.stop?.()
    bonjour.destroy()
  }
}

export function discoverHosts(waitMs = 1500): Promise<Array<{ name: string; url: string }>> {
  return new Promise((resolve) => {
    const bonjour = new Bonjour()
    const found = new Map<string, { name: string; url: string }>()
    const browser = bonjour.find({ type: TYPE }, (s: Service) => {
      const address = (s.addresses ?? []).find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a)) ?? s.host
      const url = `http://${address}:${s.port}`
      found.set(url, { name: s.name, url })
    })
    setTimeout(() => {
      browser.stop()
      bonjour.destroy()
      resolve([...found.values()])
    }, waitMs)
  })
}
