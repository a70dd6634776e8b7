/** Shop-local wall-clock arithmetic for the board: `2026-12-05T09:30` ↔ minutes on one line. */
export const toMinutes = (local: string): number => Date.parse(`${local.length === 10 ? `${local}T00:00` : local}:00Z`) / 60_000
export const fromMinutes = (m: number): string => new Date(m * 60_000).toISOString().slice(0, 16)
export const addMinutes = (local: string, n: number): string => fromMinutes(toMinutes(local) + n)
export const addDays = (date: string, n: number): string => fromMinutes(toMinutes(date) + n * 1440).slice(0, 10)
export const hhmm = (hm: string): number => {
  const [h, m] = hm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}
export const timeOf = (local: string): string => local.slice(11, 16)
export const durationOf = (a: { startsAt: string; endsAt: string }): number => toMinutes(a.endsAt) - toMinutes(a.startsAt)
