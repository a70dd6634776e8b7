import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OUTCOMES, type CallRecord } from '../../../../shared/contract/followup'
import { call, showDocument } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { download, formatDateTime } from './util'

/** The call register (电话登记表): every call in and out, filtered, exported, printed. */
export function RegisterTab() {
  const { t } = useTranslation()
  const canExport = useHasRole('followup_agent', 'frontdesk_supervisor', 'service_director', 'advisor')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [direction, setDirection] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [result, setResult] = useState<{ items: CallRecord[]; more: boolean } | null>(null)

  const filter = {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(direction ? { direction: direction as 'in' | 'out' } : {}),
    ...(outcome ? { outcome: outcome as (typeof OUTCOMES)[number] } : {}),
    ...(query.trim() ? { query: query.trim() } : {})
  }
  const key = JSON.stringify(filter)
  useEffect(() => {
    let live = true
    call('followup.calls.register', { ...filter, limit: 500 })
      .then((r) => live && setResult(r))
      .catch((err: unknown) => showError(t, err))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, t])

  const exportXlsx = async (): Promise<void> => {
    try {
      const file = await call('followup.calls.export', filter)
      download(file)
      notifications.show({ color: 'teal', message: t('followup.register.exported', { rows: file.rows }) })
    } catch (err) {
      showError(t, err)
    }
  }
  const print = async (): Promise<void> => {
    try {
      await showDocument(await call('followup.print.callRegister', filter), 'print')
    } catch (err) {
      showError(t, err)
    }
  }

  return (
    <Stack>
      <Group align="flex-end">
        <TextInput type="date" label={t('followup.register.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('followup.register.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Select
          label={t('followup.register.direction')}
          placeholder={t('followup.register.any')}
          value={direction}
          onChange={setDirection}
          data={(['in', 'out'] as const).map((d) => ({ value: d, label: t(`followup.direction.${d}`) }))}
          clearable
          w={120}
        />
        <Select
          label={t('followup.register.outcome')}
          placeholder={t('followup.register.any')}
          value={outcome}
          onChange={setOutcome}
          data={OUTCOMES.map((o) => ({ value: o, label: t(`followup.outcome.${o}`) }))}
          clearable
          w={150}
        />
        <TextInput label={t('followup.register.query')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={220} />
        {canExport && <Button variant="light" leftSection={<IconFileSpreadsheet size={18} />} onClick={() => void exportXlsx()}>{t('followup.register.export')}</Button>}
        <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void print()}>{t('followup.register.print')}</Button>
      </Group>
      {result && result.items.length === 0 && <Text c="dimmed">{t('followup.register.empty')}</Text>}
      {result && result.items.length > 0 && (
        <Table striped verticalSpacing="xs" fz="md">
          <Table.Thead>
            <Table.Tr>
              {['at', 'direction', 'customer', 'phone', 'purpose', 'outcome', 'satisfaction', 'words', 'staff'].map((k) => (
                <Table.Th key={k}>{t(`followup.register.${k}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.items.map((c) => (
              <Table.Tr key={c.id} data-testid="register-row">
                <Table.Td>{formatDateTime(c.at)}</Table.Td>
                <Table.Td>{t(`followup.direction.${c.direction}`)}</Table.Td>
                <Table.Td>{c.customerId ? <Anchor href={`#/followup/customer/${c.customerId}`}>{c.customerName}</Anchor> : c.callerName}</Table.Td>
                <Table.Td>{c.phone}</Table.Td>
                <Table.Td>{t(`followup.purpose.${c.purpose}`)}</Table.Td>
                <Table.Td>
                  {t(`followup.outcome.${c.outcome}`)}
                  {c.callBackAt && <Text size="xs">{formatDateTime(c.callBackAt)}</Text>}
                </Table.Td>
                <Table.Td>{c.satisfaction ? '★'.repeat(c.satisfaction) : ''}</Table.Td>
                <Table.Td>{c.customerWords}</Table.Td>
                <Table.Td>{c.staffName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result?.more && <Text c="dimmed">{t('followup.register.more')}</Text>}
    </Stack>
  )
}
