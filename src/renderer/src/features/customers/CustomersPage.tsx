import { Badge, Button, Group, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerSummary } from '../../../../shared/contract/customers'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import { useLiveChanges } from '../../lib/live'
import { navigate } from '../../lib/router'
import { CustomerDetail } from './CustomerDetail'
import { CustomerForm } from './CustomerForm'

export function CustomersPage({ route }: { route: string[] }) {
  const id = Number(route[0])
  if (Number.isInteger(id) && id > 0) return <CustomerDetail id={id} />
  return <CustomerSearch />
}

function CustomerSearch() {
  const { t } = useTranslation()
  const [query, setQuery] = useState(() => sessionStorage.getItem('customers.query') ?? '')
  const [debounced] = useDebouncedValue(query, 150)
  const [result, setResult] = useState<{ items: CustomerSummary[]; more: boolean } | null>(null)
  const [creating, setCreating] = useState(false)

  const [reloads, setReloads] = useState(0)
  useLiveChanges(['customers.', 'vehicles.', 'backup.restore', 'demo.fill'], () => setReloads((n) => n + 1))
  useEffect(() => {
    sessionStorage.setItem('customers.query', debounced)
    let live = true
    call('customers.search', { query: debounced, limit: 50 })
      .then((r) => live && setResult(r))
      .catch((err: unknown) => showError(t, err))
    return () => {
      live = false
    }
  }, [debounced, t, reloads])

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('customers.title')}</Title>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>{t('customers.newCustomer')}</Button>
      </Group>
      <TextInput
        size="lg"
        leftSection={<IconSearch size={20} />}
        placeholder={t('customers.searchPlaceholder')}
        aria-label={t('common.search')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        autoFocus
        mb="md"
      />
      {result && result.items.length === 0 && debounced && <Text c="dimmed">{t('customers.noResults', { query: debounced })}</Text>}
      {result && result.items.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.name')}</Table.Th>
              <Table.Th>{t('customers.phone')}</Table.Th>
              <Table.Th>{t('customers.vehicles')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.items.map((c) => (
              <Table.Tr
                key={c.id}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate('customers', c.id)}
                onKeyDown={(e) => e.key === 'Enter' && navigate('customers', c.id)}
                tabIndex={0}
              >
                <Table.Td fw={600}>
                  {c.name} {c.kind === 'company' && <Badge size="xs" variant="light">{t('customers.kindCompany')}</Badge>}
                </Table.Td>
                <Table.Td>{c.phone}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {c.plates.map((p) => (
                      <Badge key={p} variant="outline" size="lg" radius="sm" color="dark">{p}</Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result?.more && <Text c="dimmed" mt="sm">{t('common.more')}</Text>}
      {creating && (
        <CustomerForm
          opened
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false)
            navigate('customers', c.id)
          }}
        />
      )}
    </>
  )
}
