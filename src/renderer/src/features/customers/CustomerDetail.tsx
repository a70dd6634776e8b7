import { Anchor, Badge, Button, Card, Grid, Group, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconPencil, IconPlus, IconPrinter } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Customer, Vehicle } from '../../../../shared/contract/customers'
import { LOCALES, type Locale } from '../../../../shared/contract/common'
import { LANGUAGE_NAMES } from '../../../../shared/i18n'
import { call, showDocument } from '../../api/client'
import { formatDate, formatNumber } from '../../lib/format'
import { showError } from '../../lib/errors'
import { navigate } from '../../lib/router'
import { CustomerForm } from './CustomerForm'
import { VehicleForm } from './VehicleForm'
import { CustomerHistory } from './CustomerHistory'
import { VehicleWarranty } from './VehicleWarranty'
import { CustomerFollowupPanel } from '../followup/CustomerFollowupPanel'

export function CustomerDetail({ id }: { id: number }) {
  const { t, i18n } = useTranslation()
  const [customer, setCustomer] = useState<Customer | null>(null)
  const [editing, setEditing] = useState(false)
  const [vehicleForm, setVehicleForm] = useState<{ vehicle?: Vehicle } | null>(null)

  const load = useCallback(() => {
    call('customers.get', { id }).then(setCustomer).catch((err: unknown) => showError(t, err))
  }, [id, t])
  useEffect(load, [load])

  const print = async (action: 'print' | 'save', locale: Locale): Promise<void> => {
    try {
      const doc = await call('print.customerCard', { customerId: id, locale })
      await showDocument(doc, action)
    } catch (err) {
      showError(t, err)
    }
  }

  if (!customer) return <Text c="dimmed">{t('common.loading')}</Text>
  const field = (label: string, value: string | null) => (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text>{value || '—'}</Text>
    </div>
  )
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={() => navigate('customers')}>{t('common.back')}</Button>
          <Title order={2} data-testid="customer-name">{customer.name}</Title>
          {customer.kind === 'company' && <Badge variant="light">{t('customers.kindCompany')}</Badge>}
        </Group>
        <Group>
          <Button variant="default" leftSection={<IconPencil size={18} />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          <Menu>
            <Menu.Target>
              <Button leftSection={<IconPrinter size={18} />}>{t('customers.printCard')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {LOCALES.map((l) => (
                <Menu.Item key={l} onClick={() => void print('print', l)}>
                  {t('common.print')} · {LANGUAGE_NAMES[l].long}
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Item onClick={() => void print('save', i18n.language as Locale)}>{t('common.savePdf')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={3}>
          {field(t('customers.phone'), [customer.phone, customer.phone2].filter(Boolean).join(' / '))}
          {field(t('customers.address'), customer.address)}
          {field(t('customers.since'), formatDate(customer.createdAt))}
          {field(t('customers.wants'), customer.wants)}
          {field(t('customers.notes'), customer.notes)}
        </SimpleGrid>
      </Card>
      <Group justify="space-between">
        <Title order={3}>{t('customers.vehicles')}</Title>
        <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => setVehicleForm({})}>{t('customers.addVehicle')}</Button>
      </Group>
      {customer.vehicles.length === 0 && <Text c="dimmed">{t('customers.noVehicles')}</Text>}
      <Grid>
        {customer.vehicles.map((v) => (
          <Grid.Col key={v.id} span={{ base: 12, md: 6 }}>
            <Card withBorder data-testid="vehicle-card">
              <Group justify="space-between" mb="xs">
                <Badge size="xl" radius="sm" variant="outline" color="dark">{v.plate}</Badge>
                <Anchor component="button" onClick={() => setVehicleForm({ vehicle: v })}>{t('common.edit')}</Anchor>
              </Group>
              <SimpleGrid cols={2} spacing="xs">
                {field(t('customers.model'), [v.make, v.model].filter(Boolean).join(' '))}
                {field(t('customers.vehicleType'), t(`vehicleTypes.${v.vehicleType}`))}
                {field(t('customers.colour'), v.colour)}
                {field(t('customers.year'), v.year ? String(v.year) : null)}
                {field(t('customers.vin'), v.vin)}
                {field(t('customers.mileage'), v.mileageKm === null ? null : formatNumber(v.mileageKm))}
              </SimpleGrid>
              <VehicleWarranty vehicleId={v.id} />
            </Card>
          </Grid.Col>
        ))}
      </Grid>
      <CustomerFollowupPanel customerId={customer.id} />
      <CustomerHistory customer={customer} />
      {editing && (
        <CustomerForm
          opened
          customer={customer}
          onClose={() => setEditing(false)}
          onSaved={(c) => {
            setEditing(false)
            setCustomer(c)
            notifications.show({ color: 'teal', message: t('common.saved') })
          }}
        />
      )}
      {vehicleForm && (
        <VehicleForm
          opened
          customerId={customer.id}
          {...(vehicleForm.vehicle ? { vehicle: vehicleForm.vehicle } : {})}
          onClose={() => setVehicleForm(null)}
          onSaved={(c) => {
            setVehicleForm(null)
            setCustomer(c)
            notifications.show({ color: 'teal', message: t('common.saved') })
          }}
        />
      )}
    </Stack>
  )
}
