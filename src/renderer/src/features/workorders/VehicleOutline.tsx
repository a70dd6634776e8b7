import { ActionIcon, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { DAMAGE_KINDS, DAMAGE_VIEWS } from '../../../../shared/contract/workorders'
import { OUTLINE_H, OUTLINE_VIEWS, OUTLINE_W, markShape, type OutlineView } from '../../../../shared/workorders/outline'

export interface Mark {
  view: OutlineView
  x: number
  y: number
  kind: (typeof DAMAGE_KINDS)[number]
  note: string | null
}

function View({ view, marks, onClick, label }: { view: OutlineView; marks: Mark[]; onClick?: (x: number, y: number) => void; label: string }) {
  return (
    <Stack gap={2} align="center">
      <svg
        viewBox={`0 0 ${OUTLINE_W} ${OUTLINE_H}`}
        role="img"
        aria-label={label}
        data-testid={`outline-${view}`}
        style={{ width: '100%', maxWidth: 320, cursor: onClick ? 'crosshair' : 'default', border: '1px solid #ddd', borderRadius: 6, background: '#fff' }}
        onClick={(e) => {
          if (!onClick) return
          const r = e.currentTarget.getBoundingClientRect()
          onClick(Math.round(((e.clientX - r.left) / r.width) * 1000), Math.round(((e.clientY - r.top) / r.height) * 1000))
        }}
      >
        <g fill="none" stroke="#333" strokeWidth={1.4} strokeLinejoin="round" dangerouslySetInnerHTML={{ __html: OUTLINE_VIEWS[view] }} />
        <g dangerouslySetInnerHTML={{ __html: marks.map((m) => markShape(m.kind, (m.x * OUTLINE_W) / 1000, (m.y * OUTLINE_H) / 1000)).join('') }} />
      </svg>
      <Text size="sm">{label}</Text>
    </Stack>
  )
}

/** Damage marked by clicking the outline: pick the kind, click where it is, add a note. Read-only without onChange. */
export function VehicleOutline({
  marks,
  onChange,
  kind,
  onKind
}: {
  marks: Mark[]
  onChange?: (marks: Mark[]) => void
  kind?: Mark['kind']
  onKind?: (k: Mark['kind']) => void
}) {
  const { t } = useTranslation()
  const add = (view: OutlineView) => (x: number, y: number) => onChange?.([...marks, { view, x, y, kind: kind ?? 'scratch', note: null }])
  return (
    <Stack>
      {onChange && (
        <Group>
          <Text>{t('workorders.markDamage')}</Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => onKind?.(v as Mark['kind'])}
            data={DAMAGE_KINDS.map((k) => ({ value: k, label: t(`workorders.damage.${k}`) }))}
          />
        </Group>
      )}
      <SimpleGrid cols={{ base: 2, lg: 3 }}>
        {DAMAGE_VIEWS.map((v) => (
          <View key={v} view={v} label={t(`workorders.view.${v}`)} marks={marks.filter((m) => m.view === v)} {...(onChange ? { onClick: add(v) } : {})} />
        ))}
      </SimpleGrid>
      {marks.length > 0 && (
        <Table fz="md" data-testid="damage-list">
          <Table.Tbody>
            {marks.map((m, i) => (
              <Table.Tr key={i}>
                <Table.Td w={30}>{i + 1}</Table.Td>
                <Table.Td w={90}>{t(`workorders.view.${m.view}`)}</Table.Td>
                <Table.Td w={90}>{t(`workorders.damage.${m.kind}`)}</Table.Td>
                <Table.Td>
                  {onChange ? (
                    <TextInput
                      aria-label={`${t('workorders.damageNote')} ${i + 1}`}
                      placeholder={t('workorders.damageNote')}
                      value={m.note ?? ''}
                      onChange={(e) => {
                        const note = e.currentTarget.value
                        onChange(marks.map((x, j) => (j === i ? { ...x, note } : x)))
                      }}
                    />
                  ) : (
                    m.note
                  )}
                </Table.Td>
                {onChange && (
                  <Table.Td w={40}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('workorders.remove')} onClick={() => onChange(marks.filter((_, j) => j !== i))}>
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
