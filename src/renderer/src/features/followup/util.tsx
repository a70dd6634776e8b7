import { Badge } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { FollowupTask } from '../../../../shared/contract/followup'
import { formatDate, formatDateTime, formatNumber } from '../../lib/format'

/** A shop-local date `2026-12-04` shown in the user's language (noon UTC keeps the day whatever the zone). */
export const day = (date: string | null): string => (date ? formatDate(`${date}T12:00:00Z`) : '—')

/** Why a task is due, in a sentence. */
export function whyText(t: TFunction, task: FollowupTask): string {
  const r = task.reason
  switch (task.kind) {
    case 'first_call':
      return t('followup.why.first_call', { date: day(r.deliveredOn), order: r.workOrderNumber ?? '' })
    case 'second_call':
      return t('followup.why.second_call', { date: day(r.firstCallOn) })
    case 'service_due':
      return r.serviceDueBy === 'km'
        ? t('followup.why.service_due_km', {
            date: day(r.serviceDueOn),
            dueKm: r.dueKm === null ? '—' : formatNumber(r.dueKm),
            km: r.estimatedKm === null ? '—' : formatNumber(r.estimatedKm)
          })
        : t('followup.why.service_due_months', { date: day(r.serviceDueOn) })
    case 'campaign_call':
    case 'campaign_letter':
      return t(`followup.why.${task.kind}`, { title: r.campaignTitle ?? '', date: day(r.eventOn) })
    case 'tell_customer':
      return t('followup.why.tell_customer', { solution: r.solution ?? '' })
    default:
      return t(`followup.why.${task.kind}`)
  }
}

export function dueBadge(t: TFunction, task: FollowupTask, today: string) {
  if (task.overdueDays > 0) return <Badge color="red" size="lg">{t('followup.today.overdueDays', { days: task.overdueDays })}</Badge>
  if (task.dueBy === today) return <Badge color="orange" size="lg">{t('followup.today.dueToday')}</Badge>
  return <Badge color="gray" size="lg" variant="light">{t('followup.today.dueBy', { date: day(task.dueBy) })}</Badge>
}

/** Saves an exported file the main side built (XLSX, CSV) through the browser's download. */
export function download(file: { fileName: string; mime: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export { formatDateTime }

/** Hours as "30 h" or "2 d 6 h". */
export function age(t: TFunction, hours: number): string {
  return hours < 24 ? t('followup.complaints.ageHours', { hours }) : t('followup.complaints.ageDays', { days: Math.floor(hours / 24), hours: hours % 24 })
}
