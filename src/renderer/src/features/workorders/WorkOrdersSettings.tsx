import { ActionIcon, Button, Card, Checkbox, Group, MultiSelect, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectionTemplate, WoSettings } from '../../../../shared/contract/workorders'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import { useHasRole } from '../../app/session'

const list = (s: string): string[] => s.split(/[,，、\n]/).map((x) => x.trim()).filter(Boolean)
const VEHICLE_TYPES = ['car', 'suv', 'mpv', 'van', 'truck', 'bus', 'ev', 'motorcycle', 'other']

/** The work-order panel on the Settings page: tax, rates and fees, people and bays, warranty, on-site targets, templates. */
export function WorkOrdersSettings() {
  const { t } = useTranslation()
  const canEdit = useHasRole('service_director', 'admin')
  const [s, setS] = useState<WoSettings | null>(null)
  const [text, setText] = useState({ bays: '', technicians: '', workSections: '' })
  useEffect(() => {
    call('workorders.settings.get', {})
      .then((v) => {
        setS(v)
        setText({ bays: v.bays.join(', '), technicians: v.technicians.join(', '), workSections: v.workSections.join(', ') })
      })
      .catch((err: unknown) => showError(t, err))
  }, [t])
  if (!s) return null
  const set = (patch: Partial<WoSettings>) => setS({ ...s, ...patch })
  const yuan = (key: 'labourRateCents' | 'diagnosisFeeCents' | 'calloutFeeCents', label: string) => (
    <NumberInput label={label} value={s[key] / 100} min={0} decimalScale={2} disabled={!canEdit} onChange={(v) => set({ [key]: Math.round((typeof v === 'number' ? v : 0) * 100) })} />
  )
  const hours = (key: 'onsiteNearKm' | 'onsiteNearHours' | 'onsiteFarAnswerHours' | 'writtenAnswerHours', label: string) => (
    <NumberInput label={label} value={s[key]} min={1} disabled={!canEdit} onChange={(v) => set({ [key]: typeof v === 'number' ? v : 1 })} />
  )
  const save = async (): Promise<void> => {
    try {
      const saved = await call('workorders.settings.update', { ...s, bays: list(text.bays), technicians: list(text.technicians), workSections: list(text.workSections) })
      setS(saved)
      notifications.show({ color: 'teal', message: t('workorders.saved') })
    } catch (err) {
      showError(t, err)
    }
  }
  return (
    <Stack data-testid="workorders-settings">
      <Title order={3}>{t('workorders.settings.title')}</Title>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <NumberInput label={t('workorders.settings.taxRate')} value={s.taxRateBp / 100} min={0} max={30} decimalScale={2} disabled={!canEdit} onChange={(v) => set({ taxRateBp: Math.round((typeof v === 'number' ? v : 0) * 100) })} />
          <Switch mt="xl" label={t('workorders.settings.pricesIncludeTax')} checked={s.pricesIncludeTax} disabled={!canEdit} onChange={(e) => set({ pricesIncludeTax: e.currentTarget.checked })} />
          {yuan('labourRateCents', t('workorders.settings.labourRate'))}
          {yuan('diagnosisFeeCents', t('workorders.settings.diagnosisFee'))}
          {yuan('calloutFeeCents', t('workorders.settings.calloutFee'))}
          {hours('onsiteNearKm', t('workorders.settings.onsiteNearKm'))}
          {hours('onsiteNearHours', t('workorders.settings.onsiteNearHours'))}
          {hours('onsiteFarAnswerHours', t('workorders.settings.onsiteFarAnswerHours'))}
          {hours('writtenAnswerHours', t('workorders.settings.writtenAnswerHours'))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 3 }} mt="sm">
          {(['bays', 'technicians', 'workSections'] as const).map((k) => (
            <TextInput key={k} label={t(`workorders.settings.${k}`)} value={text[k]} disabled={!canEdit} onChange={(e) => { const v = e.currentTarget.value; setText((x) => ({ ...x, [k]: v })) }} />
          ))}
        </SimpleGrid>
        <Text fw={600} mt="md">{t('workorders.settings.warrantyCategories')}</Text>
        <Radio.Group value={s.defaultWarrantyCategory} onChange={(v) => set({ defaultWarrantyCategory: v })}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('workorders.settings.defaultCategory')}</Table.Th>
                <Table.Th>{t('workorders.settings.code')}</Table.Th>
                <Table.Th>{t('workorders.settings.label')}</Table.Th>
                <Table.Th>{t('workorders.f.months')}</Table.Th>
                <Table.Th>{t('workorders.f.kmLimit')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.warrantyCategories.map((c, i) => {
                const patch = (p: Partial<typeof c>) => set({ warrantyCategories: s.warrantyCategories.map((x, j) => (j === i ? { ...x, ...p } : x)) })
                return (
                  <Table.Tr key={i}>
                    <Table.Td><Radio value={c.code} disabled={!canEdit} aria-label={t('workorders.settings.defaultCategory')} /></Table.Td>
                    <Table.Td><TextInput value={c.code} disabled={!canEdit} onChange={(e) => patch({ code: e.currentTarget.value })} w={120} /></Table.Td>
                    <Table.Td><TextInput value={c.label ?? ''} placeholder={t(`workorders.warrantyCat.${c.code}`, { defaultValue: '' })} disabled={!canEdit} onChange={(e) => patch({ label: e.currentTarget.value || null })} /></Table.Td>
                    <Table.Td><NumberInput value={c.months} min={1} max={12} disabled={!canEdit} onChange={(v) => patch({ months: typeof v === 'number' ? v : 3 })} w={90} /></Table.Td>
                    <Table.Td><NumberInput value={c.kmLimit ?? ''} min={100} max={200000} disabled={!canEdit} onChange={(v) => patch({ kmLimit: typeof v === 'number' ? v : null })} w={120} /></Table.Td>
                    <Table.Td>{canEdit && <ActionIcon variant="subtle" color="red" aria-label={t('workorders.remove')} onClick={() => set({ warrantyCategories: s.warrantyCategories.filter((_, j) => j !== i) })}><IconTrash size={16} /></ActionIcon>}</Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Radio.Group>
        {canEdit && (
          <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => set({ warrantyCategories: [...s.warrantyCategories, { code: `cat${s.warrantyCategories.length + 1}`, label: null, months: 3, kmLimit: 5000 }] })}>
            {t('workorders.settings.addCategory')}
          </Button>
        )}
        <Textarea mt="sm" label={t('workorders.settings.warrantyTerms')} value={s.warrantyTerms ?? ''} disabled={!canEdit} autosize minRows={2} onChange={(e) => set({ warrantyTerms: e.currentTarget.value || null })} />
        {canEdit && (
          <Group justify="flex-end" mt="md">
            <Button onClick={() => void save()}>{t('common.save')}</Button>
          </Group>
        )}
      </Card>
      <Templates />
    </Stack>
  )
}

/** Groups as text blocks: the first line names the group, each further line an item, “| unit” for a measurement. */
const toText = (tpl: InspectionTemplate): string => tpl.groups.map((g) => [g.name, ...g.items.map((i) => (i.unit ? `${i.label} | ${i.unit}` : i.label))].join('\n')).join('\n\n')
const fromText = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((l) => l.trim()).filter(Boolean))
    .filter((lines) => lines.length > 1)
    .map(([name, ...items]) => ({
      name: name as string,
      items: items.map((l) => {
        const [label, unit] = l.split('|').map((x) => x.trim())
        return { label: label as string, unit: unit || null }
      })
    }))

function Templates() {
  const { t } = useTranslation()
  const canEdit = useHasRole('service_director', 'admin', 'workshop_supervisor')
  const [templates, setTemplates] = useState<InspectionTemplate[]>([])
  const [pick, setPick] = useState<string | null>(null)
  const [draft, setDraft] = useState({ name: '', vehicleTypes: [] as string[], text: '', active: true })
  const load = () => call('workorders.templates.list', { includeInactive: true }).then(setTemplates).catch((err: unknown) => showError(t, err))
  useEffect(() => {
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const current = templates.find((x) => String(x.id) === pick)
  useEffect(() => {
    if (current) setDraft({ name: current.name, vehicleTypes: current.vehicleTypes, text: toText(current), active: current.active })
    else setDraft({ name: '', vehicleTypes: [], text: '', active: true })
  }, [current])
  const save = async (): Promise<void> => {
    try {
      const saved = await call('workorders.templates.save', {
        ...(current ? { id: current.id, version: current.version } : {}),
        name: draft.name,
        vehicleTypes: draft.vehicleTypes as 'car'[],
        groups: fromText(draft.text),
        active: draft.active
      })
      await load()
      setPick(String(saved.id))
      notifications.show({ color: 'teal', message: t('workorders.saved') })
    } catch (err) {
      showError(t, err)
    }
  }
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Title order={4}>{t('workorders.settings.templates')}</Title>
        <Group>
          <Select value={pick} onChange={setPick} data={templates.map((x) => ({ value: String(x.id), label: x.name }))} placeholder={t('workorders.settings.newTemplate')} clearable />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} mt="sm">
        <TextInput label={t('workorders.settings.templateName')} value={draft.name} disabled={!canEdit} onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => ({ ...d, name: v })) }} />
        <MultiSelect label={t('workorders.settings.vehicleTypes')} value={draft.vehicleTypes} disabled={!canEdit} onChange={(v) => setDraft((d) => ({ ...d, vehicleTypes: v }))} data={VEHICLE_TYPES.map((v) => ({ value: v, label: t(`vehicleTypes.${v}`) }))} />
        <Checkbox mt="xl" label={t('workorders.settings.active')} checked={draft.active} disabled={!canEdit} onChange={(e) => { const v = e.currentTarget.checked; setDraft((d) => ({ ...d, active: v })) }} />
      </SimpleGrid>
      <Textarea mt="sm" description={t('workorders.settings.groupsHelp')} value={draft.text} disabled={!canEdit} autosize minRows={8} maxRows={24} onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => ({ ...d, text: v })) }} />
      {canEdit && (
        <Group justify="flex-end" mt="sm">
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </Group>
      )}
    </Card>
  )
}
