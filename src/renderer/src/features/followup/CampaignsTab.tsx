import { Badge, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Campaign } from '../../../../shared/contract/followup'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { fieldErrors, showError } from '../../lib/errors'
import { day } from './util'

/** Events and offers: a phone notice two weeks before, a letter after the call. */
export function CampaignsTab() {
  const { t } = useTranslation()
  const canCreate = useHasRole('frontdesk_supervisor', 'service_director')
  const [items, setItems] = useState<Campaign[] | null>(null)
  const [creating, setCreating] = useState(false)
  const load = useCallback(() => {
    call('followup.campaigns.list', {}).then(setItems).catch((err: unknown) => showError(t, err))
  }, [t])
  useEffect(load, [load])
  return (
    <Stack>
      {canCreate && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>{t('followup.campaigns.new')}</Button>
        </Group>
      )}
      {items && items.length === 0 && <Text c="dimmed">{t('followup.campaigns.empty')}</Text>}
      {items && items.length > 0 && (
        <Table striped verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              {['title', 'kind', 'date', 'noticeOn', 'customers', 'progress'].map((k) => <Table.Th key={k}>{t(`followup.campaigns.${k}`)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td><Text fw={600}>{c.title}</Text><Text size="sm" c="dimmed" lineClamp={2}>{c.message}</Text></Table.Td>
                <Table.Td><Badge variant="light">{t(`followup.campaigns.${c.kind}`)}</Badge></Table.Td>
                <Table.Td>{day(c.eventDate)}</Table.Td>
                <Table.Td>{day(c.noticeOn)}</Table.Td>
                <Table.Td>{c.customers}</Table.Td>
                <Table.Td>{c.callsDone} / {c.lettersDone}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && (
        <NewCampaign
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false)
            notifications.show({ color: 'teal', message: t('followup.campaigns.saved', { count: c.customers, date: day(c.noticeOn) }) })
            load()
          }}
        />
      )}
    </Stack>
  )
}

function NewCampaign({ onClose, onSaved }: { onClose(): void; onSaved(c: Campaign): void }) {
  const { t } = useTranslation()
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<'event' | 'offer'>('event')
  const [eventDate, setEventDate] = useState('')
  const [message, setMessage] = useState('')
  const [make, setMake] = useState('')
  const [months, setMonths] = useState<number | string>('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = async (): Promise<void> => {
    try {
      onSaved(
        await call('followup.campaigns.create', {
          title, kind, eventDate, message, audienceMake: make || null, ...(typeof months === 'number' ? { audienceVisitedMonths: months } : {})
        })
      )
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('followup.campaigns.new')} size="lg">
      <Stack>
        <TextInput label={t('followup.campaigns.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} required />
        <Group grow>
          <SegmentedControl value={kind} onChange={(v) => setKind(v as 'event' | 'offer')}
            data={[{ value: 'event', label: t('followup.campaigns.event') }, { value: 'offer', label: t('followup.campaigns.offer') }]} mt={24} />
          <TextInput type="date" label={t('followup.campaigns.date')} value={eventDate} onChange={(e) => setEventDate(e.currentTarget.value)} error={errors.eventDate} required />
        </Group>
        <Textarea label={t('followup.campaigns.message')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} error={errors.message} autosize minRows={4} required />
        <Group grow>
          <TextInput label={t('followup.campaigns.audienceMake')} value={make} onChange={(e) => setMake(e.currentTarget.value)} />
          <NumberInput label={t('followup.campaigns.audienceVisited')} value={months} onChange={setMonths} min={1} max={120} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
