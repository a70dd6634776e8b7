import { Alert, Button, Group, Loader, Modal, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChevronLeft, IconChevronRight, IconPlus, IconPrinter } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call, showDocument } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { useLiveChanges } from '../../lib/live'
import { navigate } from '../../lib/router'
import { BoardGrid, type Column, type MoveRequest } from './BoardGrid'
import { BookingDrawer } from './BookingDrawer'
import { BookingForm, type BookingDraftStart } from './BookingForm'
import { TaskPanel } from './TaskPanel'
import { addDays, fromMinutes, timeOf, toMinutes } from './time'
import type { BoardData, Booking, Task, View } from './types'

const REFRESH_MS = 60_000

/** The appointment board (預約看板): #/board shows today, #/board/2026-12-05 any day. */
export function BoardPage({ route }: { route: string[] }) {
  const { t } = useTranslation()
  const canBook = useHasRole('advisor', 'frontdesk_supervisor', 'service_director', 'admin')
  const isDirector = useHasRole('service_director')
  const [board, setBoard] = useState<BoardData | null>(null)
  const [tasks, setTasks] = useState<Task[]>([])
  const [view, setView] = useState<View>(() => (sessionStorage.getItem('board.view') as View | null) ?? 'bays')
  const [draft, setDraft] = useState<BookingDraftStart | null>(null)
  const [openId, setOpenId] = useState<number | null>(null)
  const [signing, setSigning] = useState<string | null>(null)
  const date = /^\d{4}-\d{2}-\d{2}$/.test(route[0] ?? '') ? (route[0] as string) : null

  // Loads overlap (the timer, a live change, another day picked): only the newest may show.
  const latest = useRef(0)
  const load = useCallback(async () => {
    const mine = ++latest.current
    try {
      const b = await call('appointments.board', date ? { date } : {})
      const dayTasks = await call('appointments.tasks', { date: b.date })
      if (mine !== latest.current) return
      setBoard(b)
      setTasks(dayTasks)
    } catch (err) {
      if (mine === latest.current) showError(t, err)
    }
  }, [date, t])

  useEffect(() => {
    void load()
    // The clock moves even when nobody writes: the now line and overdue tasks follow it.
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [load])
  // Another window or the workshop PC booked, moved or checked in: show it at once.
  useLiveChanges(['appointments.', 'workorders.'], () => void load())

  if (!board) return <Loader />
  const tomorrow = addDays(board.today, 1)
  const go = (d: string) => navigate('board', d)
  const opened = board.appointments.find((a) => a.id === openId) ?? null

  const move = async (req: MoveRequest) => {
    const a = req.booking
    try {
      await call('appointments.move', {
        id: a.id,
        version: a.version,
        startsAt: req.startsAt,
        durationMinutes: req.durationMinutes,
        bayId: view === 'bays' ? (req.column.id as number) : (a.bayId ?? a.heldBayId ?? (board.bays[0]?.id as number)),
        advisorId: view === 'advisors' ? (req.column.id as number) : a.advisorId
      })
      notifications.show({ color: 'teal', message: t('board.moved') })
    } catch (err) {
      showError(t, err)
    }
    await load()
  }
  const newAt = (column: Column | null, startsAt?: string) => {
    if (!canBook) return
    const d = board.date >= board.today ? board.date : board.today
    // Today the form starts at the next slot from now, another day at opening time.
    const slot = board.settings.slotMinutes
    const next = fromMinutes(Math.ceil(toMinutes(board.now) / slot) * slot)
    const opening = `${d}T${board.opening?.open ?? '08:00'}`
    setDraft({
      date: startsAt?.slice(0, 10) ?? d,
      time: startsAt ? timeOf(startsAt) : timeOf(d === board.today && next > opening ? next : opening),
      bayId: view === 'bays' ? column?.id ?? null : null,
      advisorId: view === 'advisors' ? column?.id ?? null : null
    })
  }
  const printSummary = async () => {
    try {
      await showDocument(await call('appointments.print.summary', { date: board.date }), 'print')
    } catch (err) {
      showError(t, err)
    }
  }
  const tick = async (task: Task, done: boolean) => {
    try {
      await call('appointments.tasks.tick', { appointmentId: task.appointmentId, task: task.task as never, done })
      setTasks(await call('appointments.tasks', { date: board.date }))
    } catch (err) {
      showError(t, err)
    }
  }
  // Seen from today (tomorrow's confirm tasks) or from tomorrow itself: bookings still to confirm.
  const unconfirmedTomorrow =
    board.date === tomorrow
      ? board.appointments.filter((a) => a.status === 'booked').length
      : board.date === board.today
        ? tasks.filter((x) => x.task === 'confirm' && !x.done).length
        : 0

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Title order={2}>{t('board.title')}</Title>
          <Text fz="xl" fw={700} data-testid="board-date">{board.date}</Text>
          {board.signoff && <Text c="teal.8" fz="sm">{t('board.signedOff', { name: board.signoff.by, at: formatDateTime(board.signoff.at) })}</Text>}
        </Group>
        <Group gap="xs">
          <Button variant="default" size="md" onClick={() => go(addDays(board.date, -1))} aria-label={t('board.prevDay')}><IconChevronLeft size={20} /></Button>
          <Button variant={board.date === board.today ? 'filled' : 'default'} size="md" onClick={() => go(board.today)}>{t('board.today')}</Button>
          <Button variant={board.date === tomorrow ? 'filled' : 'default'} size="md" onClick={() => go(tomorrow)}>{t('board.tomorrow')}</Button>
          <Button variant="default" size="md" onClick={() => go(addDays(board.date, 1))} aria-label={t('board.nextDay')}><IconChevronRight size={20} /></Button>
          <TextInput type="date" size="md" aria-label={t('board.date')} value={board.date} onChange={(e) => e.currentTarget.value && go(e.currentTarget.value)} />
          <SegmentedControl
            size="md"
            aria-label={t('board.columns')}
            value={view}
            onChange={(v) => {
              sessionStorage.setItem('board.view', v)
              setView(v as View)
            }}
            data={[{ value: 'bays', label: t('board.viewBays') }, { value: 'advisors', label: t('board.viewAdvisors') }]}
          />
          <Button variant="default" size="md" leftSection={<IconPrinter size={18} />} onClick={() => void printSummary()}>{t('board.printSummary')}</Button>
          {canBook && <Button size="md" leftSection={<IconPlus size={18} />} onClick={() => newAt(null)}>{t('board.newBooking')}</Button>}
        </Group>
      </Group>

      {board.unsignedDays.length > 0 && (
        <Alert color="yellow" data-testid="unsigned">
          <Group gap="xs">
            <Text fz="md">{t('board.unsigned', { days: board.unsignedDays.join('、') })}</Text>
            {board.unsignedDays.map((d) => (
              <Group key={d} gap={4}>
                <Button size="compact-md" variant="subtle" onClick={() => go(d)}>{d}</Button>
                {isDirector && <Button size="compact-md" onClick={() => setSigning(d)}>{t('board.signOff', { date: d })}</Button>}
              </Group>
            ))}
          </Group>
        </Alert>
      )}
      {unconfirmedTomorrow > 0 && <Alert color="orange"><Text fz="md" fw={600}>{t('board.unconfirmedCount', { n: unconfirmedTomorrow })}</Text></Alert>}
      {!board.opening && <Alert color="gray">{t('board.closed')}</Alert>}
      <Text fz="sm" c="dimmed">{t('board.keyboardHelp')}</Text>

      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 360px', gap: 12, alignItems: 'start' }}>
        <div style={{ overflowX: 'auto' }}>
          <BoardGrid board={board} view={view} tomorrow={tomorrow} onOpen={(a) => setOpenId(a.id)} onMove={(r) => void move(r)} onEmptyClick={(c, s) => newAt(c, s)} />
          {board.appointments.length === 0 && <Text c="dimmed" mt="sm">{t('board.noBookings')}</Text>}
        </div>
        <TaskPanel board={board} tasks={tasks} canTick={canBook} onTick={(x, d) => void tick(x, d)} onOpen={(id) => (board.appointments.some((a) => a.id === id) ? setOpenId(id) : go(tomorrow))} />
      </div>

      {draft && (
        <BookingForm
          board={board}
          start={draft}
          onClose={() => setDraft(null)}
          onBooked={(b: Booking) => {
            setDraft(null)
            notifications.show({ color: 'teal', message: t('board.booked', { number: b.number }) })
            if (b.startsAt.slice(0, 10) !== board.date) go(b.startsAt.slice(0, 10))
            else void load()
          }}
        />
      )}
      {opened && (
        <BookingDrawer
          booking={opened}
          board={board}
          onClose={() => setOpenId(null)}
          onChanged={() => void load()}
        />
      )}
      {signing && <SignOff date={signing} onClose={() => setSigning(null)} onSigned={() => { setSigning(null); void load() }} />}
    </Stack>
  )
}

function SignOff({ date, onClose, onSigned }: { date: string; onClose(): void; onSigned(): void }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const print = async () => {
    try {
      await showDocument(await call('appointments.print.summary', { date }), 'print')
    } catch (err) {
      showError(t, err)
    }
  }
  const sign = async () => {
    try {
      await call('appointments.signOff', { date, note })
      onSigned()
    } catch (err) {
      showError(t, err)
    }
  }
  return (
    <Modal opened onClose={onClose} title={<Text fw={700} fz="lg">{t('board.signOffTitle', { date })}</Text>}>
      <Stack>
        <Text>{t('board.signOffHelp')}</Text>
        <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void print()}>{t('board.printSummary')}</Button>
        <Textarea label={t('board.detail.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void sign()}>{t('board.signOff', { date })}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}

