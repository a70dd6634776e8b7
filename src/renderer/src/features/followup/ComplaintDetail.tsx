import { Anchor, Badge, Button, Card, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DEPARTMENTS, type Complaint } from '../../../../shared/contract/followup'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { navigate } from '../../lib/router'
import { age, formatDateTime } from './util'

type Step = 'acknowledge' | 'investigate' | 'escalate' | 'resolve' | 'confirm'

/** One complaint: what happened, its due times, its path, and the next step it can take. */
export function ComplaintDetail({ id }: { id: number }) {
  const { t } = useTranslation()
  const isSupervisor = useHasRole('frontdesk_supervisor', 'service_director')
  const [c, setC] = useState<Complaint | null>(null)
  const [step, setStep] = useState<Step | null>(null)
  const load = useCallback(() => {
    call('followup.complaints.get', { id }).then(setC).catch((err: unknown) => showError(t, err))
  }, [id, t])
  useEffect(load, [load])
  if (!c) return <Text c="dimmed">{t('common.loading')}</Text>

  const act = async (input: Parameters<typeof call<'followup.complaints.step'>>[1]): Promise<boolean> => {
    try {
      setC(await call('followup.complaints.step', input))
      return true
    } catch (err) {
      showError(t, err)
      return false
    }
  }
  const field = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text component="div">{value || '—'}</Text>
    </div>
  )
  const open = c.status !== 'archived'
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={() => navigate('followup', 'complaints')}>{t('common.back')}</Button>
          <Title order={2}>{c.number}</Title>
          <Badge size="lg" data-testid="complaint-status">{t(`followup.statuses.${c.status}`)}</Badge>
          <Badge size="lg" color="orange" variant="light">{t(`followup.complaints.level${c.escalationLevel}`)}</Badge>
        </Group>
        <Group>
          {c.status === 'open' && <Button onClick={() => void act({ step: 'acknowledge', id: c.id, version: c.version, note: null })}>{t('followup.complaints.acknowledge')}</Button>}
          {(c.status === 'open' || c.status === 'acknowledged') && <Button onClick={() => setStep('investigate')}>{t('followup.complaints.investigate')}</Button>}
          {['open', 'acknowledged', 'investigated'].includes(c.status) && c.escalationLevel < 2 && (
            <Button color="orange" variant="light" onClick={() => setStep('escalate')}>{t('followup.complaints.escalate')}</Button>
          )}
          {c.status === 'investigated' && <Button onClick={() => setStep('resolve')}>{t('followup.complaints.resolve')}</Button>}
          {c.status === 'resolved' && (
            <>
              <Button color="teal" onClick={() => void act({ step: 'confirm', id: c.id, version: c.version, satisfied: true, note: null })}>{t('followup.complaints.confirmYes')}</Button>
              <Button color="red" variant="light" onClick={() => setStep('confirm')}>{t('followup.complaints.confirmNo')}</Button>
            </>
          )}
          {c.status === 'confirmed' && isSupervisor && (
            <Button variant="default" onClick={() => void act({ step: 'archive', id: c.id, version: c.version })}>{t('followup.complaints.archive')}</Button>
          )}
        </Group>
      </Group>
      <Card withBorder>
        <Text fz="lg" mb="sm">{c.description}</Text>
        <SimpleGrid cols={4}>
          {field(t('followup.complaints.customer'), <Anchor href={`#/customers/${c.customerId}`}>{c.customerName}</Anchor>)}
          {field(t('followup.call.phone'), c.phone)}
          {field(t('followup.complaints.category'), t(`followup.categories.${c.category}`))}
          {field(t('followup.complaints.department'), c.department ? t(`followup.departments.${c.department}`) : null)}
          {field(t('followup.complaints.received'), `${formatDateTime(c.receivedAt)} · ${t(`followup.channels.${c.channel}`)}`)}
          {field(t('followup.complaints.age'), open ? age(t, c.ageHours) : null)}
          {field(t('followup.complaints.ackDue'), `${formatDateTime(c.ackDueAt)}${c.acknowledgedAt ? ` ✓ ${formatDateTime(c.acknowledgedAt)}` : ''}`)}
          {field(t('followup.complaints.investigateDue'), `${formatDateTime(c.investigateDueAt)}${c.investigatedAt ? ` ✓ ${formatDateTime(c.investigatedAt)}` : ''}`)}
          {field(t('followup.complaints.workOrder'), c.workOrderNumber)}
          {field(t('followup.complaints.vehicle'), c.plate)}
          {field(t('followup.complaints.staff'), c.staffName)}
          {field(t('followup.complaints.serviceFault'), c.serviceFault === null ? t('followup.complaints.unknown') : t(c.serviceFault ? 'followup.complaints.yes' : 'followup.complaints.no'))}
          {field(t('followup.complaints.findings'), c.findings)}
          {field(t('followup.complaints.resolution'), c.resolution)}
          {field(t('followup.complaints.satisfied'), c.satisfied === null ? null : t(c.satisfied ? 'followup.complaints.yes' : 'followup.complaints.no'))}
        </SimpleGrid>
      </Card>
      <Title order={4}>{t('followup.complaints.steps')}</Title>
      <Timeline bulletSize={18} lineWidth={2} active={c.steps.length}>
        {c.steps.map((s, i) => (
          <Timeline.Item key={i} title={`${t(`followup.steps.${s.step}`)} · ${formatDateTime(s.at)} · ${s.staffName ?? ''}`}>
            {s.note && <Text size="sm">{s.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
      {step && (
        <StepDialog
          step={step}
          complaint={c}
          onClose={() => setStep(null)}
          onSubmit={async (input) => {
            if (await act(input)) setStep(null)
          }}
        />
      )}
    </Stack>
  )
}

function StepDialog({ step, complaint: c, onClose, onSubmit }: {
  step: Step
  complaint: Complaint
  onClose(): void
  onSubmit(input: Parameters<typeof call<'followup.complaints.step'>>[1]): Promise<void>
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [fault, setFault] = useState<string>('')
  const [department, setDepartment] = useState<string | null>(c.department)
  const base = { id: c.id, version: c.version }
  const submit = (): void => {
    if (step === 'investigate') {
      void onSubmit({ step, ...base, findings: text, serviceFault: fault === 'yes', department: (department ?? 'front_desk') as (typeof DEPARTMENTS)[number] })
    } else if (step === 'escalate') void onSubmit({ step, ...base, note: text })
    else if (step === 'resolve') void onSubmit({ step, ...base, resolution: text })
    else if (step === 'confirm') void onSubmit({ step, ...base, satisfied: false, note: text || null })
  }
  const label =
    step === 'investigate' ? t('followup.complaints.findings') : step === 'resolve' ? t('followup.complaints.resolution') : t('followup.complaints.note')
  const title = step === 'confirm' ? t('followup.complaints.confirmNo') : t(`followup.complaints.${step}`)
  return (
    <Modal opened onClose={onClose} title={`${c.number} · ${title}`} size="lg">
      <Stack>
        {step === 'investigate' && (
          <SimpleGrid cols={2}>
            <Select label={t('followup.complaints.department')} value={department} onChange={setDepartment} required allowDeselect={false}
              data={DEPARTMENTS.map((d) => ({ value: d, label: t(`followup.departments.${d}`) }))} />
            <div>
              <Text size="sm" fw={500} mb={4}>{t('followup.complaints.serviceFault')}</Text>
              <SegmentedControl value={fault} onChange={setFault}
                data={[{ value: 'yes', label: t('followup.complaints.yes') }, { value: 'no', label: t('followup.complaints.no') }]} />
            </div>
          </SimpleGrid>
        )}
        <Textarea label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} data-autofocus required={step !== 'confirm'} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} disabled={step === 'investigate' && (!fault || !department)}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
