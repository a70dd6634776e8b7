import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Part } from '../../../../shared/contract/parts'
import { call } from '../../api/client'
import { fieldErrors, showError } from '../../lib/errors'
import { cents, useLookups, yuan } from './shared'

/** Adds a part to the master, or edits one (refused if someone saved it since it was read). */
export function PartForm({ part, onClose, onSaved }: { part?: Part; onClose(): void; onSaved(p: Part): void }) {
  const { t } = useTranslation()
  const look = useLookups()
  const [d, setD] = useState({
    partNo: part?.partNo ?? '',
    name: part?.name ?? '',
    spec: part?.spec ?? '',
    unit: part?.unit ?? '',
    categoryId: part ? String(part.categoryId) : null,
    bin: part?.bin ?? '',
    supplierId: part?.supplierId ? String(part.supplierId) : null,
    cost: part ? yuan(part.costCents) : 0,
    price: part ? yuan(part.priceCents) : 0,
    reorderLevel: part?.reorderLevel ?? 0,
    active: part?.active ?? true
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const text = (k: 'partNo' | 'name' | 'spec' | 'unit' | 'bin') => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value
    setD((x) => ({ ...x, [k]: value }))
  }
  const save = async () => {
    setBusy(true)
    setErrors({})
    const fields = {
      partNo: d.partNo,
      name: d.name,
      spec: d.spec || null,
      unit: d.unit,
      categoryId: Number(d.categoryId),
      bin: d.bin || null,
      supplierId: d.supplierId ? Number(d.supplierId) : null,
      costCents: cents(d.cost),
      priceCents: cents(d.price),
      reorderLevel: Number(d.reorderLevel) || 0
    }
    try {
      onSaved(part ? await call('parts.update', { ...fields, id: part.id, version: part.version, active: d.active }) : await call('parts.create', fields))
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened onClose={onClose} size="xl" title={part ? t('parts.stock.editPart') : t('parts.stock.newPart')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack>
          <SimpleGrid cols={3}>
            <TextInput label={t('parts.partNo')} value={d.partNo} onChange={text('partNo')} error={errors.partNo} required data-autofocus />
            <TextInput label={t('parts.name')} value={d.name} onChange={text('name')} error={errors.name} required />
            <TextInput label={t('parts.spec')} value={d.spec} onChange={text('spec')} error={errors.spec} />
            <TextInput label={t('parts.unit')} value={d.unit} onChange={text('unit')} error={errors.unit} required />
            <Select label={t('parts.category')} data={look.categoryOptions} value={d.categoryId} onChange={(v) => setD((x) => ({ ...x, categoryId: v }))} error={errors.categoryId} required />
            <TextInput label={t('parts.bin')} value={d.bin} onChange={text('bin')} error={errors.bin} />
            <Select label={t('parts.supplier')} data={look.supplierOptions} value={d.supplierId} onChange={(v) => setD((x) => ({ ...x, supplierId: v }))} clearable searchable />
            <NumberInput label={t('parts.cost')} prefix="¥" decimalScale={2} min={0} value={d.cost} onChange={(v) => setD((x) => ({ ...x, cost: Number(v) || 0 }))} error={errors.costCents} />
            <NumberInput label={t('parts.price')} prefix="¥" decimalScale={2} min={0} value={d.price} onChange={(v) => setD((x) => ({ ...x, price: Number(v) || 0 }))} error={errors.priceCents} />
            <NumberInput label={t('parts.reorderLevel')} min={0} allowDecimal={false} value={d.reorderLevel} onChange={(v) => setD((x) => ({ ...x, reorderLevel: Number(v) || 0 }))} />
            {part && <Switch mt={28} label={t('parts.active')} checked={d.active} onChange={(e) => setD((x) => ({ ...x, active: e.currentTarget.checked }))} />}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
