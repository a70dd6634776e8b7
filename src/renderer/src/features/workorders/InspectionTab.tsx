import { Badge, Button, Card, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectionTemplate, WorkOrder } from '../../../../shared/contract/workorders'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import type { Run } from './OrderDetail'
import { Photos } from './Photos'
import { PrintMenu } from './shared'

type Result = 'ok' | 'soon' | 'urgent' | 'na'
interface Draft {
  result: Result | null
  measurement: string
  note: string
}
const COLOUR: Record<Result, string> = { ok: 'green', soon: 'yellow', urgent: 'red', na: 'gray' }

/** The multi-point inspection: mark each item, then the customer decides on each urgent / soon one. */
export function InspectionTab({ o, run }: { o: WorkOrder; run: Run }) {
  const { t } = useTranslation()
  const [templates, setTemplates] = useState<InspectionTemplate[]>([])
  const [templateId, setTemplateId] = useState<string | null>(null)
  const [drafts, setDrafts] = useState<Record<number, Draft>>({})
  const [inspector, setInspector] = useState(o.inspection?.inspector ?? '')
  const insp = o.inspection
  useEffect(() => {
    if (insp) return
    call('workorders.templates.list', {}).then(setTemplates).catch((err: unknown) => showError(t, err))
  }, [insp, t])
  // Reset what is typed only when the saved results change (a photo added or a decision taken keeps unsaved marks).
  const saved = JSON.stringify((insp?.items ?? []).map((i) => [i.id, i.result, i.measurement, i.note]))
  useEffect(() => {
    const items = JSON.parse(saved) as Array<[number, Result | null, string | null, string | null]>
    setDrafts(Object.fromEntries(items.map(([id, result, measurement, note]) => [id, { result, measurement: measurement ?? '', note: note ?? '' }])))
  }, [saved])
  if (!insp) {
    return (
      <Group align="flex-end">
        <Select label={t('workorders.template')} placeholder={t('workorders.template')} value={templateId} onChange={setTemplateId} data={templates.map((x) => ({ value: String(x.id), label: x.name }))} clearable w={320} />
        <Button
          size="md"
          onClick={() => void run(() => call('workorders.inspection.start', { id: o.id, version: o.version, ...(templateId ? { templateId: Number(templateId) } : {}) }))}
        >
          {t('workorders.startInspection')}
        </Button>
      </Group>
    )
  }
  const set = (id: number, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [id]: { ...(d[id] as Draft), ...patch } }))
  const save = (complete: boolean) =>
    run(() =>
      call('workorders.inspection.save', {
        id: o.id,
        version: o.version,
        inspector: inspector || null,
        complete,
        items: insp.items.map((i) => ({ id: i.id, result: drafts[i.id]?.result ?? null, measurement: drafts[i.id]?.measurement || null, note: drafts[i.id]?.note || null }))
      })
    )
  const suggested = insp.items.filter((i) => i.result === 'urgent' || i.result === 'soon')
  const groups = [...new Set(insp.items.map((i) => i.group))]
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={4}>{insp.templateName}</Title>
          <TextInput aria-label={t('workorders.inspector')} placeholder={t('workorders.inspector')} value={inspector} onChange={(e) => setInspector(e.currentTarget.value)} />
        </Group>
        <Group>
          <Button variant="default" onClick={() => void save(false)}>{t('workorders.save')}</Button>
          <Button onClick={() => void save(true)}>{t('workorders.completeInspection')}</Button>
          <PrintMenu workOrderId={o.id} sheet="inspection" label={t('workorders.pr.inspectionTitle')} />
        </Group>
      </Group>
      {suggested.length > 0 && (
        <Card withBorder data-testid="suggestions">
          <Title order={4} mb="xs">{t('workorders.suggestions')}</Title>
          <Table fz="md">
            <Table.Tbody>
              {suggested.map((i) => (
                <Table.Tr key={i.id} data-testid={`suggestion-${i.label}`}>
                  <Table.Td><Badge color={COLOUR[i.result as Result]}>{t(`workorders.mark.${i.result}`)} {t(`workorders.result.${i.result}`)}</Badge></Table.Td>
                  <Table.Td fw={600}>{i.label}</Table.Td>
                  <Table.Td>{[i.measurement, i.unit].filter(Boolean).join(' ')} {i.note}</Table.Td>
                  <Table.Td>
                    {i.decision ? (
                      <Text c={i.decision === 'approved' ? 'teal' : 'red'}>{t(i.decision === 'approved' ? 'workorders.approvedItem' : 'workorders.declinedItem')}</Text>
                    ) : (
                      <Group gap="xs">
                        <Button color="teal" onClick={() => void run(() => call('workorders.inspection.decide', { id: o.id, version: o.version, itemId: i.id, decision: 'approved' }))}>
                          {t('workorders.approveItem')}
                        </Button>
                        <Button color="red" variant="light" onClick={() => void run(() => call('workorders.inspection.decide', { id: o.id, version: o.version, itemId: i.id, decision: 'declined' }))}>
                          {t('workorders.declineItem')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Table fz="md" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('workorders.f.item')}</Table.Th>
            <Table.Th w={380}>{t('workorders.f.result')}</Table.Th>
            <Table.Th w={140}>{t('workorders.f.measurement')}</Table.Th>
            <Table.Th>{t('workorders.f.note')}</Table.Th>
            <Table.Th w={140}>{t('workorders.photos')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => [
            <Table.Tr key={g}>
              <Table.Td colSpan={5} fw={700} bg="gray.1">{g}</Table.Td>
            </Table.Tr>,
            ...insp.items
              .filter((i) => i.group === g)
              .map((i) => (
                <Table.Tr key={i.id} data-testid={`item-${i.label}`}>
                  <Table.Td>{i.label}</Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="sm"
                      value={drafts[i.id]?.result ?? ''}
                      color={drafts[i.id]?.result ? COLOUR[drafts[i.id]?.result as Result] : 'gray'}
                      disabled={!!i.decision}
                      onChange={(v) => set(i.id, { result: v as Result })}
                      data={(['ok', 'soon', 'urgent', 'na'] as const).map((r) => ({ value: r, label: `${t(`workorders.mark.${r}`)} ${t(`workorders.result.${r}`)}` }))}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={`${i.label} ${t('workorders.f.measurement')}`} value={drafts[i.id]?.measurement ?? ''} rightSection={i.unit ? <Text size="xs">{i.unit}</Text> : null} onChange={(e) => set(i.id, { measurement: e.currentTarget.value })} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={`${i.label} ${t('workorders.f.note')}`} value={drafts[i.id]?.note ?? ''} onChange={(e) => set(i.id, { note: e.currentTarget.value })} />
                  </Table.Td>
                  <Table.Td>
                    <Photos o={o} subject="inspection" subjectId={i.id} run={run} />
                  </Table.Td>
                </Table.Tr>
              ))
          ])}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
