import { Badge, Button, Card, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Claim, Part } from '../../../../shared/contract/parts'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatMoney } from '../../lib/format'
import { PartNoInput, cents, useLookups } from './shared'

type List = Awaited<ReturnType<typeof call<'parts.claims.list'>>>
const NEXT: Record<string, Array<'sent' | 'accepted' | 'rejected' | 'credited'>> = { draft: ['sent'], sent: ['accepted', 'rejected'], accepted: ['credited'] }

/** Supplier re-claims (二次索賠): draft → sent → accepted / rejected → credited, open ones by supplier and age. */
export function ClaimsTab({ oldPartId }: { oldPartId: number | null }) {
  const { t } = useTranslation()
  const canEdit = useHasRole('warehouse_clerk', 'service_director')
  const [openOnly, setOpenOnly] = useState(true)
  const [list, setList] = useState<List | null>(null)
  const [creating, setCreating] = useState(oldPartId !== null)
  const [crediting, setCrediting] = useState<Claim | null>(null)
  const [recovered, setRecovered] = useState<number | string>('')
  const load = useCallback(() => {
    call('parts.claims.list', { openOnly }).then(setList).catch((err: unknown) => showError(t, err))
  }, [openOnly, t])
  useEffect(load, [load])
  const advance = (c: Claim, to: 'sent' | 'accepted' | 'rejected' | 'credited', recoveredCents?: number) =>
    void call('parts.claims.advance', { id: c.id, version: c.version, to, ...(recoveredCents !== undefined ? { recoveredCents } : {}) })
      .then(() => {
        setCrediting(null)
        load()
      })
      .catch((err: unknown) => showError(t, err))
  return (
    <Stack>
      <Group justify="space-between">
        <Switch label={t('parts.claims.openOnly')} checked={openOnly} onChange={(e) => setOpenOnly(e.currentTarget.checked)} />
        {canEdit && (
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            {t('parts.claims.new')}
          </Button>
        )}
      </Group>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('parts.claims.bySupplier')}
        </Title>
        <Table fz="md">
          <Table.Tbody>
            {(list?.bySupplier ?? []).map((g) => (
              <Table.Tr key={g.supplierId}>
                <Table.Td fw={700}>{g.supplierName}</Table.Td>
                <Table.Td>{g.open}</Table.Td>
                <Table.Td>{formatMoney(g.claimedCents)}</Table.Td>
                <Table.Td>
                  {t('parts.claims.oldest')}: {g.oldestDays}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Table striped fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('parts.number')}</Table.Th>
            <Table.Th>{t('parts.supplier')}</Table.Th>
            <Table.Th>{t('parts.partNo')}</Table.Th>
            <Table.Th>{t('parts.fault')}</Table.Th>
            <Table.Th>{t('parts.workOrder')}</Table.Th>
            <Table.Th ta="right">{t('parts.claimed')}</Table.Th>
            <Table.Th ta="right">{t('parts.recovered')}</Table.Th>
            <Table.Th ta="right">{t('parts.ageDays')}</Table.Th>
            <Table.Th>{t('parts.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list?.items ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td fw={700}>{c.number}</Table.Td>
              <Table.Td>{c.supplierName}</Table.Td>
              <Table.Td>
                {c.partNo} {c.partName}
              </Table.Td>
              <Table.Td>{c.fault}</Table.Td>
              <Table.Td>{c.workOrderNumber}</Table.Td>
              <Table.Td ta="right">{formatMoney(c.claimedCents)}</Table.Td>
              <Table.Td ta="right">{formatMoney(c.recoveredCents)}</Table.Td>
              <Table.Td ta="right">{c.ageDays}</Table.Td>
              <Table.Td>
                <Badge>{t(`parts.claimStatus.${c.status}`)}</Badge>
              </Table.Td>
              <Table.Td>
                {canEdit && (
                  <Group gap={4}>
                    {(NEXT[c.status] ?? []).map((to) => (
                      <Button key={to} size="xs" variant="light" onClick={() => (to === 'credited' ? setCrediting(c) : advance(c, to))}>
                        {t(`parts.claimStep.${to}`)}
                      </Button>
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={crediting !== null} onClose={() => setCrediting(null)} title={crediting?.number}>
        <Stack>
          <NumberInput label={t('parts.claims.recoveredPrompt')} prefix="¥" decimalScale={2} min={0} value={recovered} onChange={setRecovered} data-autofocus />
          <Button onClick={() => crediting && advance(crediting, 'credited', cents(recovered))}>{t('common.save')}</Button>
        </Stack>
      </Modal>
      {creating && (
        <NewClaim
          oldPartId={oldPartId}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false)
            load()
          }}
        />
      )}
    </Stack>
  )
}

/** A claim for a part, or for an old part sent here from the old-part list (its part and work order come with it). */
function NewClaim({ oldPartId, onClose, onSaved }: { oldPartId: number | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation()
  const look = useLookups()
  const [supplierId, setSupplierId] = useState<string | null>(null)
  const [part, setPart] = useState<Part | null>(null)
  const [fault, setFault] = useState('')
  const [claimed, setClaimed] = useState<number | string>(0)
  const save = async () => {
    try {
      await call('parts.claims.create', {
        supplierId: Number(supplierId),
        partId: part?.id ?? null,
        oldPartId,
        fault,
        claimedCents: cents(claimed)
      })
      onSaved()
    } catch (err) {
      showError(t, err)
    }
  }
  return (
    <Modal opened onClose={onClose} size="lg" title={t('parts.claims.new')}>
      <Stack>
        <SimpleGrid cols={2}>
          <Select label={t('parts.supplier')} data={look.supplierOptions} value={supplierId} onChange={setSupplierId} searchable required />
          <NumberInput label={t('parts.claimed')} prefix="¥" decimalScale={2} min={0} value={claimed} onChange={setClaimed} />
        </SimpleGrid>
        {!oldPartId && <PartNoInput onPick={setPart} />}
        {part && (
          <Text fw={700}>
            {part.partNo} {part.name}
          </Text>
        )}
        <TextInput label={t('parts.fault')} value={fault} onChange={(e) => setFault(e.currentTarget.value)} required />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} disabled={!supplierId || !fault.trim()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
