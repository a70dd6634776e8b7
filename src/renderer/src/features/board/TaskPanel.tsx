import { Badge, Checkbox, Group, Paper, ScrollArea, Stack, Tabs, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { TICK_TASKS } from '../../../../shared/contract/appointments'
import { formatDateTime } from '../../lib/format'
import { timeOf } from './time'
import { OPEN_STATUSES, type BoardData, type Booking, type Task } from './types'

interface Props {
  board: BoardData
  tasks: Task[]
  canTick: boolean
  onTick(task: Task, done: boolean): void
  onOpen(appointmentId: number): void
}

/**
 * The counter's timed list beside the board, and the late customers for the workshop supervisor:
 * each task shows when it falls due, turns red when overdue, and names who ticked it and when.
 */
export function TaskPanel({ board, tasks, canTick, onTick, onOpen }: Props) {
  const { t } = useTranslation()
  const open = tasks.filter((x) => !x.done)
  const late = board.appointments.filter(
    (a: Booking) => a.lateCallResult !== null || a.status === 'late' || (board.date === board.today && OPEN_STATUSES.includes(a.status) && board.now > a.startsAt && minutesPast(a.startsAt, board.now) > board.settings.windowMinutes)
  )
  const isTick = (task: string) => (TICK_TASKS as readonly string[]).includes(task)
  return (
    <Paper withBorder p="sm" h="100%">
      <Tabs defaultValue="tasks">
        <Tabs.List>
          <Tabs.Tab value="tasks" fz="md">
            {t('board.tasks')} <Badge ml={4} color={open.length ? 'orange' : 'teal'}>{open.length}</Badge>
          </Tabs.Tab>
          <Tabs.Tab value="late" fz="md">
            {t('board.lateTab')} <Badge ml={4} color={late.length ? 'red' : 'gray'}>{late.length}</Badge>
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tasks" pt="xs">
          <Text fz="sm" c="dimmed" mb={4}>{t('board.tasksDone', { done: tasks.length - open.length, total: tasks.length })}</Text>
          <ScrollArea.Autosize mah="70vh">
            <Stack gap={4} data-testid="task-list">
              {tasks.length === 0 && <Text c="dimmed">{t('board.noTasks')}</Text>}
              {tasks.map((x) => {
                const overdue = !x.done && x.dueAt < board.now
                return (
                  <Group key={`${x.appointmentId}:${x.task}`} gap="xs" wrap="nowrap" align="start" p={4} style={{ borderRadius: 6, background: overdue ? 'var(--mantine-color-red-0)' : undefined }}>
                    <Text fz="md" fw={700} w={52} c={overdue ? 'red.8' : undefined}>{timeOf(x.dueAt)}</Text>
                    {isTick(x.task) ? (
                      <Checkbox size="md" mt={2} checked={x.done} disabled={!canTick} onChange={(e) => onTick(x, e.currentTarget.checked)} aria-label={`${t(`board.task.${x.task}`)} ${x.plate}`} />
                    ) : (
                      <Checkbox size="md" mt={2} checked={x.done} readOnly tabIndex={-1} aria-hidden />
                    )}
                    <UnstyledButton onClick={() => onOpen(x.appointmentId)} style={{ flex: 1 }}>
                      <Text fz="md" td={x.done ? 'line-through' : undefined}>
                        <b>{x.plate}</b> {t(`board.task.${x.task}`)}
                      </Text>
                      {x.done && x.doneAt && <Text fz="xs" c="dimmed">{t('board.doneBy', { name: x.doneBy, at: formatDateTime(x.doneAt) })}</Text>}
                      {overdue && <Badge color="red" size="sm">{t('board.overdue')}</Badge>}
                    </UnstyledButton>
                  </Group>
                )
              })}
            </Stack>
          </ScrollArea.Autosize>
        </Tabs.Panel>
        <Tabs.Panel value="late" pt="xs">
          <Text fz="sm" c="dimmed" mb={4}>{t('board.lateCalls')}</Text>
          <Stack gap={6}>
            {late.map((a) => (
              <UnstyledButton key={a.id} onClick={() => onOpen(a.id)} p={6} style={{ border: '1px solid var(--mantine-color-red-3)', borderRadius: 6 }}>
                <Text fz="lg" fw={700}>{a.plate} · {timeOf(a.startsAt)} · {a.advisorName}</Text>
                <Text fz="md">
                  {t(`board.status.${a.status}`)}
                  {a.lateCallResult && ` · ${t('board.lateCallShown', { result: t(`board.lateCallResult.${a.lateCallResult}`), minutes: a.lateCallDelay ?? '—' })}`}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Paper>
  )
}

const minutesPast = (start: string, now: string): number => (Date.parse(`${now}:00Z`) - Date.parse(`${start}:00Z`)) / 60_000
