/**
 * Shop-local wall-clock times as whole minutes on one calendar line, so that a gap or an overlap
 * across midnight is plain subtraction. The shop's zone never enters: bookings are wall-clock.
 */
export const toMinutes = (local: string): number => Date.parse(`${local.length === 10 ? `${local}T00:00` : local}:00Z`) / 60_000

export const fromMinutes = (m: number): string => new Date(m * 60_000).toISOString().slice(0, 16)

export const addMinutes = (local: string, n: number): string => fromMinutes(toMinutes(local) + n)

export const hhmmToMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

export const timeOf = (local: string): string => local.slice(11, 16)
