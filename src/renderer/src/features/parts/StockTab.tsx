import { Alert, Badge, Button, Group, Menu, Select, Switch, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconPlus, IconSearch, IconShieldCheck, IconUpload } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Part } from '../../../../shared/contract/parts'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatNumber } from '../../lib/format'
import { navigate } from '../../lib/router'
import { ImportModal } from './ImportModal'
import { PartDetail } from './PartDetail'
import { PartForm } from './PartForm'
import { PrintMenu, WatchedBadge, categoryName, downloadBase64, useLookups } from './shared'

export function StockTab({ partId }: { partId: number | null }) {
  const { t } = useTranslation()
  const look = useLookups()
  const canEdit = useHasRole('warehouse_clerk', 'service_director')
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 150)
  const [locationId, setLocationId] = useState<string | null>(null)
  const [categoryId, setCategoryId] = useState<string | null>(null)
  const [lowOnly, setLowOnly] = useState(false)
  const [result, setResult] = useState<{ items: Part[]; more: boolean } | null>(null)
  const [creating, setCreating] = useState(false)
  const [importing, setImporting] = useState(false)
  const [verify, setVerify] = useState<{ checked: number; mismatches: Array<{ partNo: string; cached: number; journal: number }> } | null>(null)
  const [tick, setTick] = useState(0)

  useEffect(() => {
    let live = true
    call('parts.search', {
      query: debounced,
      lowOnly,
      limit: 100,
      ...(locationId ? { locationId: Number(locationId) } : {}),
      ...(categoryId ? { categoryId: Number(categoryId) } : {})
    })
      .then((r) => live && setResult(r))
      .catch((err: unknown) => showError(t, err))
    return () => {
      live = false
    }
  }, [debounced, lowOnly, locationId, categoryId, tick, t])

  if (partId) return <PartDetail id={partId} onBack={() => navigate('parts', 'stock')} />

  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const f = await call('parts.export', { format, ...(locationId ? { locationId: Number(locationId) } : {}) })
      downloadBase64(f.fileName, f.mimeType, f.data)
    } catch (err) {
      showError(t, err)
    }
  }
  const runVerify = async () => {
    try {
      const v = await call('parts.verify', {})
      setVerify(v)
      if (v.mismatches.length === 0) notifications.show({ color: 'green', message: t('parts.stock.verifyOk', { checked: v.checked }) })
    } catch (err) {
      showError(t, err)
    }
  }
  const catOf = (p: Part) => categoryName(t, { code: p.categoryCode, name: p.categoryName })

  return (
    <>
      <Group justify="space-between" mb="md">
        <Group>
          {canEdit && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
              {t('parts.stock.newPart')}
            </Button>
          )}
          {canEdit && (
            <Button variant="default" leftSection={<IconUpload size={18} />} onClick={() => setImporting(true)}>
              {t('parts.stock.import')}
            </Button>
          )}
          {canEdit && (
            <Menu>
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={18} />}>
                  {t('parts.stock.export')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => void exportAs('xlsx')}>XLSX</Menu.Item>
                <Menu.Item onClick={() => void exportAs('csv')}>CSV</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
          <PrintMenu
            label={t('parts.stock.binLabels')}
            render={(locale) => call('parts.print.binLabels', { partIds: (result?.items ?? []).slice(0, 300).map((p) => p.id), locale })}
          />
        </Group>
        {canEdit && (
          <Button variant="light" color="teal" leftSection={<IconShieldCheck size={18} />} onClick={() => void runVerify()}>
            {t('parts.stock.verify')}
          </Button>
        )}
      </Group>
      {verify && verify.mismatches.length > 0 && (
        <Alert color="red" title={t('parts.stock.verifyBad', { count: verify.mismatches.length })} mb="md" withCloseButton onClose={() => setVerify(null)}>
          {verify.mismatches.slice(0, 20).map((m) => `${m.partNo}: ${m.cached} ≠ ${m.journal}`).join(' · ')}
        </Alert>
      )}
      <Group mb="md" align="flex-end">
        <TextInput
          size="lg"
          style={{ flex: 1 }}
          leftSection={<IconSearch size={20} />}
          placeholder={t('parts.stock.search')}
          aria-label={t('common.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          autoFocus
        />
        <Select size="lg" w={180} placeholder={t('parts.allLocations')} aria-label={t('parts.location')} data={look.locationOptions} value={locationId} onChange={setLocationId} clearable />
        <Select size="lg" w={180} placeholder={t('parts.allCategories')} aria-label={t('parts.category')} data={look.categoryOptions} value={categoryId} onChange={setCategoryId} clearable />
        <Switch size="md" label={t('parts.stock.lowOnly')} checked={lowOnly} onChange={(e) => setLowOnly(e.currentTarget.checked)} />
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('parts.stock.reservedHint')}
      </Text>
      {result && result.items.length === 0 && <Text c="dimmed">{t('parts.noParts')}</Text>}
      {result && result.items.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('parts.partNo')}</Table.Th>
              <Table.Th>{t('parts.name')}</Table.Th>
              <Table.Th>{t('parts.spec')}</Table.Th>
              <Table.Th>{t('parts.category')}</Table.Th>
              <Table.Th>{t('parts.bin')}</Table.Th>
              <Table.Th ta="right">{t('parts.onHand')}</Table.Th>
              <Table.Th ta="right">{t('parts.reserved')}</Table.Th>
              <Table.Th ta="right">{t('parts.available')}</Table.Th>
              <Table.Th ta="right">{t('parts.reorderLevel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.items.map((p) => (
              <Table.Tr key={p.id} style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => navigate('parts', 'stock', p.id)} onKeyDown={(e) => e.key === 'Enter' && navigate('parts', 'stock', p.id)}>
                <Table.Td fw={700}>{p.partNo}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td c="dimmed">{p.spec}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {catOf(p)} <WatchedBadge part={p} />
                  </Group>
                </Table.Td>
                <Table.Td>{p.bin}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {formatNumber(p.onHand)} {p.unit}
                </Table.Td>
                <Table.Td ta="right">{p.reserved > 0 ? <Badge color="grape">{formatNumber(p.reserved)}</Badge> : '—'}</Table.Td>
                <Table.Td ta="right" c={p.available <= p.reorderLevel ? 'red' : undefined} fw={700}>
                  {formatNumber(p.available)}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(p.reorderLevel)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result?.more && (
        <Text c="dimmed" mt="sm">
          {t('parts.stock.more')}
        </Text>
      )}
      {creating && (
        <PartForm
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false)
            navigate('parts', 'stock', p.id)
          }}
        />
      )}
      {importing && (
        <ImportModal
          onClose={() => {
            setImporting(false)
            setTick((n) => n + 1)
          }}
        />
      )}
    </>
  )
}
