import { Anchor, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileSpreadsheet, IconPlus, IconPrinter } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LETTER_KINDS, type Letter } from '../../../../shared/contract/followup'
import type { Locale } from '../../../../shared/contract/common'
import { call, showDocument } from '../../api/client'
import { fieldErrors, showError } from '../../lib/errors'
import { CustomerPicker } from './CustomerPicker'
import { day, download } from './util'

/** The letter register (信函登记表): register, print on the letterhead, export for mail merge. */
export function LettersTab() {
  const { t, i18n } = useTranslation()
  const [letters, setLetters] = useState<Letter[] | null>(null)
  const [selected, setSelected] = useState<number[]>([])
  const [creating, setCreating] = useState(false)
  const load = useCallback(() => {
    call('followup.letters.list', { limit: 500 }).then(setLetters).catch((err: unknown) => showError(t, err))
  }, [t])
  useEffect(load, [load])
  const print = async (id: number): Promise<void> => {
    try {
      await showDocument(await call('followup.letters.print', { id, locale: i18n.language as Locale }), 'print')
    } catch (err) {
      showError(t, err)
    }
  }
  const exportAs = async (format: 'csv' | 'xlsx'): Promise<void> => {
    try {
      download(await call('followup.letters.export', { ids: selected, format }))
    } catch (err) {
      showError(t, err)
    }
  }
  const toggle = (id: number, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)))
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Text>{t('followup.letters.selected', { count: selected.length })}</Text>
          <Button variant="light" leftSection={<IconFileSpreadsheet size={18} />} disabled={!selected.length} onClick={() => void exportAs('csv')}>{t('followup.letters.exportCsv')}</Button>
          <Button variant="light" leftSection={<IconFileSpreadsheet size={18} />} disabled={!selected.length} onClick={() => void exportAs('xlsx')}>{t('followup.letters.exportXlsx')}</Button>
        </Group>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>{t('followup.letters.new')}</Button>
      </Group>
      {letters && letters.length === 0 && <Text c="dimmed">{t('followup.letters.empty')}</Text>}
      {letters && letters.length > 0 && (
        <Table striped verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Checkbox aria-label="all" checked={selected.length === letters.length} onChange={(e) => setSelected(e.currentTarget.checked ? letters.map((l) => l.id) : [])} />
              </Table.Th>
              {['number', 'date', 'customer', 'kindLabel', 'subject'].map((k) => <Table.Th key={k}>{t(`followup.letters.${k}`)}</Table.Th>)}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {letters.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td><Checkbox aria-label={l.number} checked={selected.includes(l.id)} onChange={(e) => toggle(l.id, e.currentTarget.checked)} /></Table.Td>
                <Table.Td>{l.number}</Table.Td>
                <Table.Td>{day(l.letterDate)}</Table.Td>
                <Table.Td><Anchor href={`#/followup/customer/${l.customerId}`}>{l.customerName}</Anchor><Text size="xs" c="dimmed">{l.address}</Text></Table.Td>
                <Table.Td>{t(`followup.letterKinds.${l.kind}`)}</Table.Td>
                <Table.Td>{l.subject}</Table.Td>
                <Table.Td><Button size="sm" variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void print(l.id)}>{t('followup.letters.print')}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && (
        <NewLetter
          onClose={() => setCreating(false)}
          onSaved={(l) => {
            setCreating(false)
            notifications.show({ color: 'teal', message: t('followup.letters.saved', { number: l.number }) })
            load()
          }}
        />
      )}
    </Stack>
  )
}

export function NewLetter({ customerId: fixed, onClose, onSaved }: { customerId?: number; onClose(): void; onSaved(l: Letter): void }) {
  const { t } = useTranslation()
  const [customerId, setCustomerId] = useState<number | null>(fixed ?? null)
  const [kind, setKind] = useState<string>('notice')
  const [subject, setSubject] = useState('')
  const [body, setBody] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = async (): Promise<void> => {
    try {
      onSaved(await call('followup.letters.create', { customerId: customerId ?? 0, kind: kind as (typeof LETTER_KINDS)[number], subject, body }))
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('followup.letters.new')} size="lg">
      <Stack>
        {!fixed && <CustomerPicker label={t('followup.letters.customer')} value={customerId} onChange={setCustomerId} required />}
        <Select label={t('followup.letters.kindLabel')} value={kind} onChange={(v) => setKind(v ?? 'notice')} allowDeselect={false}
          data={LETTER_KINDS.map((k) => ({ value: k, label: t(`followup.letterKinds.${k}`) }))} />
        <TextInput label={t('followup.letters.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.subject} required />
        <Textarea label={t('followup.letters.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors.body} autosize minRows={6} required />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
