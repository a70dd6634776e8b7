import { Alert, Badge, Button, Checkbox, Group, Modal, Rating, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  COMPLAINT_CATEGORIES,
  DEPARTMENTS,
  INBOUND_PURPOSES,
  OUTCOMES,
  VEHICLE_RUNS,
  type CallRecord,
  type FollowupTask
} from '../../../../shared/contract/followup'
import type { DeclinedItem } from '../../../../shared/contract/workorders'
import { call } from '../../api/client'
import { fieldErrors, showError } from '../../lib/errors'
import { CustomerPicker } from './CustomerPicker'
import { formatDateTime, whyText } from './util'

type Outcome = (typeof OUTCOMES)[number]

interface Props {
  /** The planned call being made; absent for a call outside the plan (mostly inbound). */
  task?: FollowupTask
  onClose(): void
  onSaved(): void
}

/** Recording a call takes seconds: the result, then (if reached) how the car runs, a rating, their words. */
export function CallDialog({ task, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const [outcome, setOutcome] = useState<Outcome>('reached')
  const [callBackAt, setCallBackAt] = useState('')
  const [vehicleRuns, setVehicleRuns] = useState<string>('')
  const [satisfaction, setSatisfaction] = useState(0)
  const [words, setWords] = useState('')
  const [request, setRequest] = useState('')
  const [complaining, setComplaining] = useState(false)
  const [category, setCategory] = useState<string | null>(null)
  const [department, setDepartment] = useState<string | null>(null)
  const [complaintText, setComplaintText] = useState('')
  const [notes, setNotes] = useState('')
  const [previous, setPrevious] = useState<CallRecord[]>([])
  const [declined, setDeclined] = useState<DeclinedItem[]>([])
  // Inbound only
  const [direction, setDirection] = useState<'in' | 'out'>('in')
  const [customerId, setCustomerId] = useState<number | null>(null)
  const [callerName, setCallerName] = useState('')
  const [phone, setPhone] = useState('')
  const [purpose, setPurpose] = useState<string>('enquiry')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!task) return
    call('followup.tasks.get', { id: task.id })
      .then((x) => {
        setPrevious(x.calls)
        setDeclined(x.declined)
      })
      .catch(() => setPrevious([]))
  }, [task])

  const reached = outcome === 'reached'
  const save = async (): Promise<void> => {
    setBusy(true)
    setErrors({})
    const facts = {
      outcome,
      ...(outcome === 'call_back' && callBackAt ? { callBackAt } : {}),
      ...(reached && vehicleRuns ? { vehicleRuns: vehicleRuns as (typeof VEHICLE_RUNS)[number] } : {}),
      ...(reached && satisfaction > 0 ? { satisfaction } : {}),
      customerWords: words || null,
      request: reached ? request || null : null,
      ...(reached && complaining
        ? {
            complaint: {
              category: (category ?? '') as (typeof COMPLAINT_CATEGORIES)[number],
              ...(department ? { department: department as (typeof DEPARTMENTS)[number] } : {}),
              description: complaintText
            }
          }
        : {}),
      notes: notes || null
    }
    try {
      const r = task
        ? await call('followup.calls.record', { ...facts, taskId: task.id, taskVersion: task.version })
        : await call('followup.calls.inbound', {
            ...facts,
            direction,
            ...(customerId ? { customerId } : {}),
            callerName: callerName || null,
            phone,
            purpose: purpose as (typeof INBOUND_PURPOSES)[number]
          })
      notifications.show({ color: 'teal', message: t('followup.call.saved') })
      if (r.complaintId) notifications.show({ color: 'orange', message: t('followup.complaints.saved', { number: `TS${String(r.complaintId).padStart(6, '0')}` }) })
      onSaved()
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal opened onClose={onClose} size="xl" title={task ? t('followup.call.title', { name: task.customerName }) : t('followup.call.inboundTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack>
          {task && (
            <Alert variant="light" color="blue">
              <Group justify="space-between">
                <Text fz="xl" fw={700} data-testid="call-phone">{task.phone}</Text>
                <Group gap="xs">
                  {task.plate && <Badge size="lg" variant="outline" color="dark" radius="sm">{task.plate}</Badge>}
                  {task.model && <Text>{task.model}</Text>}
                </Group>
              </Group>
              <Text mt={4}>{whyText(t, task)}</Text>
              {task.servedByName && <Text size="sm" c="dimmed">{t('followup.today.servedBy', { name: task.servedByName })}</Text>}
              {declined.length > 0 && (
                <Stack gap={0} mt="xs" data-testid="declined-items">
                  <Text size="sm" fw={600}>{t('followup.call.declined')}</Text>
                  {declined.map((d, i) => (
                    <Text key={i} size="sm">· {d.label}{d.measurement ? ` (${d.measurement})` : ''}{d.note ? `: ${d.note}` : ''} — {d.number}</Text>
                  ))}
                </Stack>
              )}
            </Alert>
          )}
          {!task && (
            <SimpleGrid cols={2}>
              <SegmentedControl
                value={direction}
                onChange={(v) => setDirection(v as 'in' | 'out')}
                data={(['in', 'out'] as const).map((d) => ({ value: d, label: t(`followup.direction.${d}`) }))}
                mt={24}
              />
              <Select
                label={t('followup.call.purposeLabel')}
                value={purpose}
                onChange={(v) => setPurpose(v ?? 'enquiry')}
                data={INBOUND_PURPOSES.map((p) => ({ value: p, label: t(`followup.purpose.${p}`) }))}
                allowDeselect={false}
              />
              <CustomerPicker label={t('followup.call.customer')} value={customerId} onChange={setCustomerId} />
              <TextInput label={t('followup.call.callerName')} value={callerName} onChange={(e) => setCallerName(e.currentTarget.value)} />
              <TextInput label={t('followup.call.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={errors.phone} required inputMode="tel" />
            </SimpleGrid>
          )}
          <div>
            <Text size="sm" fw={500} mb={4}>{t('followup.call.outcomeLabel')}</Text>
            <SegmentedControl
              fullWidth
              size="lg"
              value={outcome}
              onChange={(v) => setOutcome(v as Outcome)}
              data={OUTCOMES.map((o) => ({ value: o, label: t(`followup.outcome.${o}`) }))}
              aria-label={t('followup.call.outcomeLabel')}
            />
          </div>
          {outcome === 'call_back' && (
            <TextInput
              type="datetime-local"
              label={t('followup.call.callBackAt')}
              value={callBackAt}
              onChange={(e) => setCallBackAt(e.currentTarget.value)}
              error={errors.callBackAt}
              required
            />
          )}
          {reached && (
            <>
              <SimpleGrid cols={2}>
                <div>
                  <Text size="sm" fw={500} mb={4}>{t('followup.call.vehicleRunsLabel')}</Text>
                  <SegmentedControl
                    value={vehicleRuns}
                    onChange={setVehicleRuns}
                    data={VEHICLE_RUNS.map((v) => ({ value: v, label: t(`followup.vehicleRuns.${v}`) }))}
                  />
                </div>
                <div>
                  <Text size="sm" fw={500} mb={4} id="satisfaction-label">{t('followup.call.satisfactionLabel')}</Text>
                  <Rating size="xl" count={5} value={satisfaction} onChange={setSatisfaction} aria-labelledby="satisfaction-label" />
                </div>
              </SimpleGrid>
              <Textarea label={t('followup.call.customerWords')} value={words} onChange={(e) => setWords(e.currentTarget.value)} autosize minRows={2} />
              <Textarea label={t('followup.call.request')} value={request} onChange={(e) => setRequest(e.currentTarget.value)} autosize minRows={1} />
              <Checkbox size="md" label={t('followup.call.complaint')} checked={complaining} onChange={(e) => setComplaining(e.currentTarget.checked)} />
              {complaining && (
                <Stack gap="xs" pl="md">
                  <SimpleGrid cols={2}>
                    <Select
                      label={t('followup.call.category')}
                      value={category}
                      onChange={setCategory}
                      data={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`followup.categories.${c}`) }))}
                      error={errors['complaint.category']}
                      required
                    />
                    <Select
                      label={t('followup.call.department')}
                      value={department}
                      onChange={setDepartment}
                      data={DEPARTMENTS.map((d) => ({ value: d, label: t(`followup.departments.${d}`) }))}
                      clearable
                    />
                  </SimpleGrid>
                  <Textarea
                    label={t('followup.call.complaintText')}
                    value={complaintText}
                    onChange={(e) => setComplaintText(e.currentTarget.value)}
                    error={errors['complaint.description']}
                    autosize
                    minRows={2}
                    required
                  />
                </Stack>
              )}
            </>
          )}
          <TextInput label={t('followup.call.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          {previous.length > 0 && (
            <Stack gap={2}>
              <Text size="sm" c="dimmed">{t('followup.call.previous')}</Text>
              {previous.map((p) => (
                <Text key={p.id} size="sm">
                  {formatDateTime(p.at)} · {t(`followup.outcome.${p.outcome}`)} · {p.staffName}
                </Text>
              ))}
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" size="md" loading={busy}>{t('followup.call.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
