import { Alert, Badge, Button, FileInput, Group, Modal, Radio, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import { useLookups } from './shared'

type Preview = Awaited<ReturnType<typeof call<'parts.import.preview'>>>
type QtyMode = 'ignore' | 'set' | 'add'

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Import of the part master: pick the file and say plainly what a quantity column does, preview
 * every row (bad ones first, with why), then import all or nothing.
 */
export function ImportModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  const look = useLookups()
  const [file, setFile] = useState<File | null>(null)
  const [qtyMode, setQtyMode] = useState<QtyMode>('ignore')
  const [locationId, setLocationId] = useState<string | null>('1')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  const input = async () => {
    if (!file) throw new Error('no file')
    return {
      fileName: file.name,
      format: (file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx') as 'csv' | 'xlsx',
      data: await toBase64(file),
      qtyMode,
      locationId: Number(locationId ?? 1),
      reason: qtyMode === 'set' ? reason : null
    }
  }
  const run = async (commit: boolean) => {
    setBusy(true)
    try {
      if (commit) {
        const r = await call('parts.import.commit', await input())
        notifications.show({ color: 'green', message: t('parts.import.done', { total: r.total }) })
        onClose()
      } else setPreview(await call('parts.import.preview', await input()))
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  const problem = (p: { field: string; code: string; value: string }) =>
    `${t(`parts.columns.${p.field}`)}: ${t(`parts.importProblems.${p.code}`, { value: p.value })}`

  return (
    <Modal opened onClose={onClose} size="90%" title={t('parts.import.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('parts.import.headersHelp')}
        </Text>
        <Group align="flex-end">
          <FileInput
            w={360}
            label={t('parts.import.file')}
            accept=".csv,.xlsx"
            value={file}
            onChange={(f) => {
              setFile(f)
              setPreview(null)
            }}
          />
          <Select w={200} label={t('parts.import.location')} data={look.locationOptions} value={locationId} onChange={setLocationId} />
        </Group>
        <Radio.Group
          label={t('parts.import.qtyMode')}
          value={qtyMode}
          onChange={(v) => {
            setQtyMode(v as QtyMode)
            setPreview(null)
          }}
        >
          <Stack gap={6} mt={6}>
            <Radio value="ignore" label={t('parts.import.ignore')} />
            <Radio value="set" label={t('parts.import.set')} />
            <Radio value="add" label={t('parts.import.add')} />
          </Stack>
        </Radio.Group>
        {qtyMode === 'set' && <TextInput w={520} label={t('parts.import.setReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />}
        <Group>
          <Button variant="default" onClick={() => void run(false)} disabled={!file} loading={busy && !preview}>
            {t('parts.import.preview')}
          </Button>
          {preview && (
            <Button onClick={() => void run(true)} disabled={preview.errors > 0 || (qtyMode === 'set' && !reason.trim())} loading={busy}>
              {t('parts.import.commit', { total: preview.total })}
            </Button>
          )}
        </Group>
        {preview && (
          <>
            <Text fw={700} data-testid="import-summary">
              {t('parts.import.summary', preview)}
            </Text>
            {!preview.hasQtyColumn && <Text c="dimmed">{t('parts.import.noQtyColumn')}</Text>}
            {preview.hasQtyColumn && preview.qtyMode === 'ignore' && <Alert color="orange">{t('parts.import.qtyIgnored')}</Alert>}
            {preview.qtyMode !== 'ignore' && <Alert color="blue">{t(`parts.import.${preview.qtyMode}`)}</Alert>}
            {preview.errors > 0 && <Alert color="red">{t('parts.import.hasErrors')}</Alert>}
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('parts.import.line')}</Table.Th>
                  <Table.Th>{t('parts.partNo')}</Table.Th>
                  <Table.Th>{t('parts.name')}</Table.Th>
                  <Table.Th>{t('parts.status')}</Table.Th>
                  <Table.Th>{t('parts.onHand')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((r) => (
                  <Table.Tr key={r.line}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td fw={700}>{r.partNo}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>
                      <Badge color={r.action === 'error' ? 'red' : r.action === 'create' ? 'green' : r.action === 'update' ? 'blue' : 'gray'}>{t(`parts.import.actions.${r.action}`)}</Badge>{' '}
                      {r.problems.map(problem).join('; ')}
                    </Table.Td>
                    <Table.Td>{preview.qtyMode !== 'ignore' && r.stockAfter !== null ? t('parts.import.stockChange', { before: r.stockBefore ?? 0, after: r.stockAfter }) : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Modal>
  )
}
