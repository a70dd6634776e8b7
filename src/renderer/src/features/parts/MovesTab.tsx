import { ActionIcon, Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Part } from '../../../../shared/contract/parts'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import { PartNoInput, useLookups } from './shared'

type Kind = 'transfer' | 'scrap' | 'warranty'

/** Transfers between the main store and stations, scrap with a reason, warranty write-offs. */
export function MovesTab() {
  const { t } = useTranslation()
  const look = useLookups()
  const [kind, setKind] = useState<Kind>('transfer')
  const [from, setFrom] = useState<string | null>('1')
  const [to, setTo] = useState<string | null>(null)
  const [lines, setLines] = useState<Array<{ part: Part; qty: number }>>([])
  const [reason, setReason] = useState('')
  const [workOrderQuery, setWorkOrderQuery] = useState('')
  const [workOrders, setWorkOrders] = useState<Array<{ id: number; number: string; plate: string | null }>>([])
  const [workOrderId, setWorkOrderId] = useState<string | null>(null)
  const [serviceReport, setServiceReport] = useState('')
  const [oldPart, setOldPart] = useState('')
  const [oldReturned, setOldReturned] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (kind !== 'warranty' || workOrderQuery.trim().length < 2) return
    let live = true
    call('parts.workOrders.find', { query: workOrderQuery })
      .then((r) => live && setWorkOrders(r))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [workOrderQuery, kind])

  const reset = () => {
    setLines([])
    setReason('')
    setServiceReport('')
    setOldPart('')
    setOldReturned(false)
  }
  const post = async () => {
    setBusy(true)
    const partLines = lines.map((l) => ({ partId: l.part.id, qty: l.qty }))
    try {
      if (kind === 'transfer') await call('parts.transfer', { fromLocationId: Number(from), toLocationId: Number(to), lines: partLines, note: reason || null })
      else if (kind === 'scrap') await call('parts.scrap', { locationId: Number(from), lines: partLines, reason })
      else {
        const l = partLines[0]!
        await call('parts.warrantyWriteOff', {
          locationId: Number(from),
          partId: l.partId,
          qty: l.qty,
          workOrderId: Number(workOrderId),
          serviceReport,
          oldPartDescription: oldPart || null,
          oldPartReturned: oldReturned
        })
      }
      notifications.show({ color: 'green', message: t('parts.moves.posted') })
      reset()
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  const ready =
    lines.length > 0 &&
    from !== null &&
    (kind === 'transfer' ? to !== null && to !== from : kind === 'scrap' ? reason.trim() !== '' : workOrderId !== null && serviceReport.trim() !== '')

  return (
    <Card withBorder>
      <Stack>
        <SegmentedControl
          size="md"
          value={kind}
          onChange={(v) => {
            setKind(v as Kind)
            reset()
          }}
          data={(['transfer', 'scrap', 'warranty'] as const).map((k) => ({ value: k, label: t(`parts.moves.${k}`) }))}
        />
        <SimpleGrid cols={3}>
          <Select label={kind === 'transfer' ? t('parts.moves.from') : t('parts.location')} data={look.locationOptions} value={from} onChange={setFrom} />
          {kind === 'transfer' && <Select label={t('parts.moves.to')} data={look.locationOptions.filter((o) => o.value !== from)} value={to} onChange={setTo} />}
          {kind !== 'warranty' && <TextInput label={kind === 'scrap' ? t('parts.reason') : t('parts.note')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required={kind === 'scrap'} />}
        </SimpleGrid>
        {kind === 'warranty' && (
          <>
            <Text size="sm" c="dimmed">
              {t('parts.moves.warrantyHelp')}
            </Text>
            <SimpleGrid cols={3}>
              <TextInput label={t('parts.req.findWorkOrder')} value={workOrderQuery} onChange={(e) => setWorkOrderQuery(e.currentTarget.value)} />
              <Select label={t('parts.workOrder')} data={workOrders.map((w) => ({ value: String(w.id), label: `${w.number} · ${w.plate ?? ''}` }))} value={workOrderId} onChange={setWorkOrderId} />
              <TextInput label={t('parts.serviceReport')} value={serviceReport} onChange={(e) => setServiceReport(e.currentTarget.value)} required />
              <TextInput label={t('parts.moves.oldPart')} value={oldPart} onChange={(e) => setOldPart(e.currentTarget.value)} />
              <Checkbox mt={28} label={t('parts.moves.oldPartReturned')} checked={oldReturned} onChange={(e) => setOldReturned(e.currentTarget.checked)} />
            </SimpleGrid>
          </>
        )}
        <PartNoInput
          onPick={(part) =>
            // A write-off is one part against one service report: one posting, one old part expected back.
            setLines((ls) => (kind === 'warranty' ? [{ part, qty: 1 }] : ls.some((l) => l.part.id === part.id) ? ls : [...ls, { part, qty: 1 }]))
          }
        />
        {lines.map((l, i) => (
          <Group key={l.part.id}>
            <Text fw={700} w={160}>
              {l.part.partNo}
            </Text>
            <Text style={{ flex: 1 }}>{l.part.name}</Text>
            <NumberInput
              w={120}
              aria-label={`${t('parts.qty')} ${l.part.partNo}`}
              min={1}
              allowDecimal={false}
              value={l.qty}
              onChange={(v) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, qty: Math.max(1, Number(v) || 1) } : x)))}
            />
            <ActionIcon variant="subtle" color="red" aria-label={t('common.cancel')} onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="flex-end">
          <Button size="md" onClick={() => void post()} disabled={!ready} loading={busy}>
            {t('parts.moves.post')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
