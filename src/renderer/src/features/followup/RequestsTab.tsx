import { Anchor, Badge, Button, Group, Modal, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FollowupRequest } from '../../../../shared/contract/followup'
import { call } from '../../api/client'
import { fieldErrors, showError } from '../../lib/errors'
import { formatDateTime } from './util'

/** Requests the call could not answer: due in two days, then on the supervisor's list. */
export function RequestsTab() {
  const { t } = useTranslation()
  const [view, setView] = useState<'open' | 'supervisor' | 'solved'>('open')
  const [items, setItems] = useState<FollowupRequest[] | null>(null)
  const [solving, setSolving] = useState<FollowupRequest | null>(null)
  const load = useCallback(() => {
    call('followup.requests.list', { view }).then(setItems).catch((err: unknown) => showError(t, err))
  }, [view, t])
  useEffect(load, [load])
  return (
    <Stack>
      <SegmentedControl
        w="fit-content"
        value={view}
        onChange={(v) => setView(v as typeof view)}
        data={(['open', 'supervisor', 'solved'] as const).map((v) => ({ value: v, label: t(`followup.requests.${v}`) }))}
      />
      {items && items.length === 0 && <Text c="dimmed">{t('followup.requests.empty')}</Text>}
      {items && items.length > 0 && (
        <Table striped verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('followup.requests.customer')}</Table.Th>
              <Table.Th>{t('followup.requests.text')}</Table.Th>
              <Table.Th>{t('followup.requests.created')}</Table.Th>
              <Table.Th>{t('followup.requests.dueAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid="request-row">
                <Table.Td>
                  <Anchor href={`#/followup/customer/${r.customerId}`} fw={600}>{r.customerName}</Anchor>
                  <Text size="sm">{r.phone}</Text>
                </Table.Td>
                <Table.Td>
                  <Text>{r.text}</Text>
                  {r.solution && <Text size="sm" c="teal">{r.solution}</Text>}
                </Table.Td>
                <Table.Td>{formatDateTime(r.createdAt)} {r.createdByName && <Text size="xs" c="dimmed">{r.createdByName}</Text>}</Table.Td>
                <Table.Td>
                  <Text c={r.escalated ? 'red' : undefined}>{formatDateTime(r.dueAt)}</Text>
                  {r.escalated && <Badge color="red">{t('followup.requests.escalated')}</Badge>}
                </Table.Td>
                <Table.Td>{r.status === 'open' && <Button onClick={() => setSolving(r)}>{t('followup.requests.solve')}</Button>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {solving && (
        <SolveDialog
          request={solving}
          onClose={() => setSolving(null)}
          onDone={() => {
            setSolving(null)
            load()
          }}
        />
      )}
    </Stack>
  )
}

function SolveDialog({ request, onClose, onDone }: { request: FollowupRequest; onClose(): void; onDone(): void }) {
  const { t } = useTranslation()
  const [solution, setSolution] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = async (): Promise<void> => {
    try {
      await call('followup.requests.solve', { id: request.id, version: request.version, solution })
      notifications.show({ color: 'teal', message: t('followup.requests.solvedSaved') })
      onDone()
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    }
  }
  return (
    <Modal opened onClose={onClose} title={`${request.customerName} · ${request.text}`} size="lg">
      <Stack>
        <Textarea label={t('followup.requests.solution')} value={solution} onChange={(e) => setSolution(e.currentTarget.value)} error={errors.solution} autosize minRows={3} data-autofocus required />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
