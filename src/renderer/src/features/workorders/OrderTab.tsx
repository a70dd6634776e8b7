import { Alert, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PAY_TYPES, type WorkOrder, type WoSettings } from '../../../../shared/contract/workorders'
import { toLocalDateTime } from '../../../../shared/time'
import { call } from '../../api/client'
import { fieldErrors } from '../../lib/errors'
import { formatDateTime, formatMoney } from '../../lib/format'
import { ApproveModal, DeclineModal, type Run } from './OrderDetail'
import { LinesEditor, toDraft, toPayload, type LineDraft } from './LinesEditor'
import { PrintMenu } from './shared'

const EDITABLE = new Set(['open', 'approved', 'in_progress', 'waiting_parts'])

/** The repair authorization (委託書): arrival, category, people, promised time, pay type, fee lines, approval. */
export function OrderTab({ o, settings, run }: { o: WorkOrder; settings: WoSettings | null; run: Run }) {
  const { t } = useTranslation()
  const zone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, [])
  const fresh = () => ({
    arrivalMode: o.arrivalMode,
    repairCategory: o.repairCategory,
    payType: o.payType,
    complaint: o.complaint ?? '',
    diagnosis: o.diagnosis ?? '',
    technician: o.technician,
    workSection: o.workSection,
    bay: o.bay,
    promisedAt: o.promisedAt ? toLocalDateTime(new Date(o.promisedAt), settingsZone ?? zone) : '',
    onsiteAddress: o.onsiteAddress ?? '',
    onsiteDistanceKm: o.onsiteDistanceKm as number | '' | null
  })
  const [settingsZone, setSettingsZone] = useState<string | null>(null)
  useEffect(() => {
    call('settings.get', {}).then((s) => setSettingsZone(s.timeZone)).catch(() => undefined)
  }, [])
  const [form, setForm] = useState(fresh)
  const [lines, setLines] = useState<LineDraft[]>(() => o.lines.map(toDraft))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [approving, setApproving] = useState(false)
  const [declining, setDeclining] = useState(false)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setForm(fresh()), [o.version, settingsZone])
  useEffect(() => setLines(o.lines.map(toDraft)), [o.lines])
  const editable = EDITABLE.has(o.status)
  const people = (list: string[] | undefined, current: string | null) => [...new Set([...(list ?? []), ...(current ? [current] : [])])]
  const save = async (): Promise<void> => {
    setErrors({})
    const ok = await run(async () => {
      try {
        return await call('workorders.update', {
          id: o.id,
          version: o.version,
          arrivalMode: form.arrivalMode as 'driven',
          repairCategory: form.repairCategory as 'minor',
          payType: form.payType as 'customer',
          complaint: form.complaint,
          diagnosis: form.diagnosis,
          technician: form.technician,
          workSection: form.workSection,
          bay: form.bay,
          advisorId: o.advisorId,
          promisedAt: form.promisedAt || null,
          kind: o.kind as 'shop',
          onsiteAddress: form.onsiteAddress,
          onsiteDistanceKm: form.onsiteDistanceKm === '' ? null : form.onsiteDistanceKm,
          supplierInvolved: o.supplierInvolved,
          faultSystem: o.faultSystem as 'other',
          lines: lines.map(toPayload)
        })
      } catch (err) {
        setErrors(fieldErrors(t, err))
        throw err
      }
    })
    if (!ok) return
  }
  const dirty = JSON.stringify(lines.map(toPayload)) !== JSON.stringify(o.lines.map(toDraft).map(toPayload)) || JSON.stringify(form) !== JSON.stringify(fresh())
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>{t('workorders.revisionN', { revision: o.revision })}</Title>
        <Group>
          {editable && o.needsApproval && !dirty && <Button color="teal" size="md" onClick={() => setApproving(true)}>{t('workorders.approve')}</Button>}
          {(o.status === 'open' || o.status === 'approved') && <Button color="red" variant="light" onClick={() => setDeclining(true)}>{t('workorders.declineRepair')}</Button>}
          <PrintMenu workOrderId={o.id} sheet="workorder" label={t('workorders.pr.workorderTitle')} />
        </Group>
      </Group>
      {o.needsApproval && o.approvedRevision !== null && <Alert color="orange">{t('workorders.pr.awaitingApproval', { revision: o.revision })}</Alert>}
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Select label={t('workorders.f.arrivalMode')} value={form.arrivalMode} disabled={!editable} onChange={(v) => setForm((f) => ({ ...f, arrivalMode: v ?? 'driven' }))} data={['driven', 'towed', 'accident'].map((v) => ({ value: v, label: t(`workorders.arrival.${v}`) }))} />
          <Select label={t('workorders.f.repairCategory')} value={form.repairCategory} disabled={!editable} onChange={(v) => setForm((f) => ({ ...f, repairCategory: v ?? 'minor' }))} data={['major', 'medium', 'minor'].map((v) => ({ value: v, label: t(`workorders.category.${v}`) }))} />
          <Select label={t('workorders.f.payType')} value={form.payType} disabled={!editable} onChange={(v) => setForm((f) => ({ ...f, payType: v ?? 'customer' }))} data={PAY_TYPES.map((v) => ({ value: v, label: t(`workorders.pay.${v}`) }))} />
          <TextInput label={t('workorders.f.promisedAt')} type="datetime-local" value={form.promisedAt} error={errors.promisedAt} disabled={!editable} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, promisedAt: v })) }} />
          <Select label={t('workorders.f.technician')} value={form.technician} disabled={!editable} clearable searchable onChange={(v) => setForm((f) => ({ ...f, technician: v }))} data={people(settings?.technicians, o.technician)} />
          <Select label={t('workorders.f.workSection')} value={form.workSection} disabled={!editable} clearable onChange={(v) => setForm((f) => ({ ...f, workSection: v }))} data={people(settings?.workSections, o.workSection)} />
          <Select label={t('workorders.f.bay')} value={form.bay} disabled={!editable} clearable onChange={(v) => setForm((f) => ({ ...f, bay: v }))} data={people(settings?.bays, o.bay)} />
          {o.kind === 'onsite' && (
            <NumberInput label={t('workorders.f.distance')} value={form.onsiteDistanceKm ?? ''} disabled={!editable} onChange={(v) => setForm((f) => ({ ...f, onsiteDistanceKm: typeof v === 'number' ? v : '' }))} />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} mt="sm">
          <Textarea label={t('workorders.f.complaint')} value={form.complaint} disabled={!editable} autosize minRows={2} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, complaint: v })) }} />
          <Textarea label={t('workorders.f.diagnosis')} value={form.diagnosis} disabled={!editable} autosize minRows={2} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, diagnosis: v })) }} />
        </SimpleGrid>
      </Card>
      <LinesEditor lines={lines} onChange={setLines} settings={settings} readOnly={!editable} />
      {Object.keys(errors).filter((k) => k.startsWith('lines')).length > 0 && <Text c="red">{Object.entries(errors).filter(([k]) => k.startsWith('lines')).map(([k, v]) => `${k}: ${v}`).join(' · ')}</Text>}
      <Group justify="space-between" align="flex-start">
        <div>{editable && dirty && <Button size="md" onClick={() => void save()}>{t('workorders.save')}</Button>}</div>
        <Table w={320} fz="md" data-testid="totals">
          <Table.Tbody>
            <Table.Tr><Table.Td>{t('workorders.f.subtotal')}</Table.Td><Table.Td ta="right">{formatMoney(o.subtotalCents)}</Table.Td></Table.Tr>
            <Table.Tr><Table.Td>{o.pricesIncludeTax ? t('workorders.f.taxIncluded', { rate: o.taxRateBp / 100 }) : t('workorders.f.tax', { rate: o.taxRateBp / 100 })}</Table.Td><Table.Td ta="right">{formatMoney(o.taxCents)}</Table.Td></Table.Tr>
            <Table.Tr><Table.Td fw={700}>{t('workorders.f.total')}</Table.Td><Table.Td ta="right" fw={700} data-testid="total">{formatMoney(o.totalCents)}</Table.Td></Table.Tr>
          </Table.Tbody>
        </Table>
      </Group>
      {o.revisions.some((r) => r.approvedAt) && (
        <Card withBorder>
          <Title order={5}>{t('workorders.revisions')}</Title>
          {o.revisions.map((r) => (
            <Text key={r.revision}>
              {t('workorders.revisionN', { revision: r.revision })} · {formatMoney(r.totalCents)} ·{' '}
              {r.approvedAt
                ? t('workorders.pr.approvedBy', { name: r.signerName ?? '', at: formatDateTime(r.approvedAt), method: t(r.approvalMethod === 'paper' ? 'workorders.methodPaper' : 'workorders.methodSignature') })
                : t('workorders.needsApproval')}
            </Text>
          ))}
        </Card>
      )}
      {approving && <ApproveModal o={o} opened onClose={() => setApproving(false)} run={run} />}
      {declining && <DeclineModal o={o} opened onClose={() => setDeclining(false)} run={run} />}
    </Stack>
  )
}
