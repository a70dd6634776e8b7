import { ActionIcon, Autocomplete, Button, Group, NumberInput, Select, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SECTIONS, type Line, type WoSettings } from '../../../../shared/contract/workorders'
import { applyDiscount, lineAmount, parseYuan } from '../../../../shared/money'
import { call } from '../../api/client'
import { formatMoney } from '../../lib/format'

export interface LineDraft {
  key: number
  id?: number
  section: string
  description: string
  partId: number | null
  partNo: string
  qty: number | ''
  unit: string
  discount: number | ''
  warrantyCategory: string | null
  inspectionItemId: number | null
}

let nextKey = 1
export function toDraft(l: Line): LineDraft {
  return {
    key: nextKey++,
    id: l.id,
    section: l.section,
    description: l.description,
    partId: l.partId,
    partNo: l.partNo ?? '',
    qty: l.qtyMilli / 1000,
    unit: (l.unitCents / 100).toFixed(2),
    discount: l.discountBp / 100,
    warrantyCategory: l.warrantyCategory,
    inspectionItemId: l.inspectionItemId
  }
}

export function emptyLine(section: string, s: WoSettings | null): LineDraft {
  return {
    key: nextKey++,
    section,
    description: '',
    partId: null,
    partNo: '',
    qty: 1,
    unit: section === 'labour' && s ? (s.labourRateCents / 100).toFixed(2) : '',
    discount: 0,
    warrantyCategory: null,
    inspectionItemId: null
  }
}

/** What the contract takes; an unreadable price becomes -1 so main names the field. */
export function toPayload(d: LineDraft) {
  const cents = parseYuan(d.unit || '0')
  return {
    ...(d.id ? { id: d.id } : {}),
    section: d.section as Line['section'] as 'labour',
    description: d.description,
    partId: d.partId,
    partNo: d.partNo || null,
    qtyMilli: Math.round((d.qty === '' ? 0 : d.qty) * 1000),
    unitCents: cents === null ? -1 : cents,
    discountBp: Math.round((d.discount === '' ? 0 : d.discount) * 100),
    warrantyCategory: d.warrantyCategory,
    inspectionItemId: d.inspectionItemId
  }
}

const amountOf = (d: LineDraft): number => {
  const p = toPayload(d)
  if (d.section === 'customer_parts' || p.unitCents < 0) return 0
  return applyDiscount(lineAmount(p.unitCents, p.qtyMilli), p.discountBp)
}

interface PartHit {
  id: number
  partNo: string
  name: string
  priceCents: number
}

/** Picks a part from the parts master by number or name; typing anything else keeps it free text. */
function PartPicker({ value, onText, onPick, label }: { value: string; onText(v: string): void; onPick(p: PartHit): void; label: string }) {
  const [debounced] = useDebouncedValue(value, 200)
  const [hits, setHits] = useState<PartHit[]>([])
  useEffect(() => {
    if (debounced.trim().length < 2) return
    let live = true
    call('parts.search', { query: debounced, limit: 10 })
      .then((r) => live && setHits(r.items as PartHit[]))
      .catch(() => live && setHits([]))
    return () => {
      live = false
    }
  }, [debounced])
  const label_ = (p: PartHit) => `${p.partNo} ${p.name}`
  return (
    <Autocomplete
      aria-label={label}
      value={value}
      data={hits.map(label_)}
      onChange={(v) => {
        const hit = hits.find((p) => label_(p) === v)
        if (hit) onPick(hit)
        else onText(v)
      }}
    />
  )
}

export function LinesEditor({ lines, onChange, settings, readOnly }: { lines: LineDraft[]; onChange(l: LineDraft[]): void; settings: WoSettings | null; readOnly: boolean }) {
  const { t } = useTranslation()
  const set = (key: number, patch: Partial<LineDraft>) => onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)))
  const categories = (settings?.warrantyCategories ?? []).map((c) => ({ value: c.code, label: c.label ?? t(`workorders.warrantyCat.${c.code}`, { defaultValue: c.code }) }))
  return (
    <>
      <Table verticalSpacing={4} fz="md" data-testid="lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('workorders.f.section')}</Table.Th>
            <Table.Th>{t('workorders.f.description')}</Table.Th>
            <Table.Th w={120}>{t('workorders.f.partNo')}</Table.Th>
            <Table.Th w={90}>{t('workorders.f.qty')}</Table.Th>
            <Table.Th w={110}>{t('workorders.f.unitPrice')}</Table.Th>
            <Table.Th w={80}>{t('workorders.f.discount')}</Table.Th>
            <Table.Th w={130}>{t('workorders.f.warrantyCategory')}</Table.Th>
            <Table.Th w={110} ta="right">{t('workorders.f.amount')}</Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => (
            <Table.Tr key={l.key}>
              <Table.Td>
                <Select
                  aria-label={`${t('workorders.f.section')} ${i + 1}`}
                  value={l.section}
                  disabled={readOnly}
                  onChange={(v) => set(l.key, { section: v ?? 'labour' })}
                  data={SECTIONS.map((s) => ({ value: s, label: t(`workorders.section.${s}`) }))}
                />
              </Table.Td>
              <Table.Td>
                {l.section === 'parts' && !readOnly ? (
                  <PartPicker
                    label={`${t('workorders.f.description')} ${i + 1}`}
                    value={l.description}
                    onText={(v) => set(l.key, { description: v, partId: null })}
                    onPick={(p) => set(l.key, { description: p.name, partNo: p.partNo, partId: p.id, unit: (p.priceCents / 100).toFixed(2) })}
                  />
                ) : (
                  <TextInput aria-label={`${t('workorders.f.description')} ${i + 1}`} value={l.description} disabled={readOnly} onChange={(e) => set(l.key, { description: e.currentTarget.value })} />
                )}
              </Table.Td>
              <Table.Td>
                <TextInput aria-label={`${t('workorders.f.partNo')} ${i + 1}`} value={l.partNo} disabled={readOnly} onChange={(e) => set(l.key, { partNo: e.currentTarget.value, partId: null })} />
              </Table.Td>
              <Table.Td>
                <NumberInput aria-label={`${t('workorders.f.qty')} ${i + 1}`} value={l.qty} min={0} decimalScale={3} disabled={readOnly} onChange={(v) => set(l.key, { qty: typeof v === 'number' ? v : '' })} hideControls />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label={`${t('workorders.f.unitPrice')} ${i + 1}`} value={l.unit} disabled={readOnly} onChange={(e) => set(l.key, { unit: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <NumberInput aria-label={`${t('workorders.f.discount')} ${i + 1}`} value={l.discount} min={0} max={100} disabled={readOnly} onChange={(v) => set(l.key, { discount: typeof v === 'number' ? v : '' })} hideControls />
              </Table.Td>
              <Table.Td>
                <Select aria-label={`${t('workorders.f.warrantyCategory')} ${i + 1}`} value={l.warrantyCategory} clearable disabled={readOnly} onChange={(v) => set(l.key, { warrantyCategory: v })} data={categories} />
              </Table.Td>
              <Table.Td ta="right">{formatMoney(amountOf(l))}</Table.Td>
              <Table.Td>
                {!readOnly && (
                  <ActionIcon variant="subtle" color="red" aria-label={t('workorders.remove')} onClick={() => onChange(lines.filter((x) => x.key !== l.key))}>
                    <IconTrash size={18} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {lines.length === 0 && <Text c="dimmed">{t('workorders.pr.noItems')}</Text>}
      {!readOnly && (
        <Group gap="xs">
          {SECTIONS.map((s) => (
            <Button key={s} size="compact-md" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange([...lines, emptyLine(s, settings)])}>
              {t(`workorders.section.${s}`)}
            </Button>
          ))}
        </Group>
      )}
    </>
  )
}
