import { Alert, Button, Group, Select, Stack, Table, Textarea, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OLD_PART_FATES, type WorkOrder } from '../../../../shared/contract/workorders'
import { call } from '../../api/client'
import { formatDateTime } from '../../lib/format'
import type { Run } from './OrderDetail'
import { SignatureBox } from './SignatureBox'
import { PrintMenu } from './shared'

/** The service report: findings, work done, old parts; the customer signs once the work is done. */
export function ReportTab({ o, run }: { o: WorkOrder; run: Run }) {
  const { t } = useTranslation()
  const r = o.report
  const [findings, setFindings] = useState(r?.findings ?? o.diagnosis ?? '')
  const [workDone, setWorkDone] = useState(r?.workDone ?? '')
  const [fates, setFates] = useState<Record<number, string | null>>(() => Object.fromEntries((r?.oldParts ?? []).map((p) => [p.lineId, p.fate])))
  const [signer, setSigner] = useState(o.customerName)
  const [sig, setSig] = useState<string | null>(null)
  const locked = !!r?.signedAt
  const parts = o.lines.filter((l) => l.section === 'parts' || l.section === 'outside')
  const canSign = o.status === 'done' || o.status === 'delivered'
  return (
    <Stack>
      <Group justify="flex-end">
        <PrintMenu workOrderId={o.id} sheet="report" label={t('workorders.pr.reportTitle')} />
      </Group>
      {locked && <Alert color="teal">{t('workorders.reportLocked', { name: r?.signerName ?? '', at: formatDateTime(r?.signedAt as string) })}</Alert>}
      <Textarea label={t('workorders.findings')} value={findings} disabled={locked} onChange={(e) => setFindings(e.currentTarget.value)} autosize minRows={2} />
      <Textarea label={t('workorders.workDone')} value={workDone} disabled={locked} onChange={(e) => setWorkDone(e.currentTarget.value)} autosize minRows={2} />
      {parts.length > 0 && (
        <>
          <Title order={5}>{t('workorders.oldParts')}</Title>
          <Table fz="md">
            <Table.Tbody>
              {parts.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td>{l.partNo}</Table.Td>
                  <Table.Td w={280}>
                    <Select
                      aria-label={`${t('workorders.oldParts')} ${l.description}`}
                      value={fates[l.id] ?? null}
                      disabled={locked}
                      clearable
                      onChange={(v) => setFates((f) => ({ ...f, [l.id]: v }))}
                      data={OLD_PART_FATES.map((f) => ({ value: f, label: t(`workorders.fate.${f}`) }))}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {o.ledgerOldParts.length > 0 && (
        <Table fz="sm" data-testid="ledger-old-parts">
          <Table.Tbody>
            {o.ledgerOldParts.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.description}</Table.Td>
                <Table.Td>{t(`parts.oldPartStatus.${p.status}`, { defaultValue: p.status })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!locked && (
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() =>
              void run(() =>
                call('workorders.report.save', {
                  workOrderId: o.id,
                  ...(r ? { version: r.version } : {}),
                  findings,
                  workDone,
                  oldParts: Object.entries(fates).filter(([, f]) => f).map(([lineId, fate]) => ({ lineId: Number(lineId), fate: fate as 'returned' }))
                })
              )
            }
          >
            {t('workorders.save')}
          </Button>
        </Group>
      )}
      {!locked && canSign && (
        <Stack>
          <Title order={5}>{t('workorders.signReport')}</Title>
          <TextInput label={t('workorders.signerName')} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} />
          <SignatureBox label={t('workorders.customerSignature')} onChange={setSig} testId="sig-report" />
          <Group justify="flex-end">
            <Button disabled={!sig} onClick={() => void run(() => call('workorders.report.sign', { workOrderId: o.id, signerName: signer, signature: sig as string }))}>
              {t('workorders.signReport')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  )
}
