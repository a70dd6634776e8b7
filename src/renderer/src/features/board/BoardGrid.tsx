import { Badge, Box, Text } from '@mantine/core'
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { durationOf, fromMinutes, hhmm, timeOf, toMinutes } from './time'
import { STATUS_COLOR, type BoardData, type Booking, type View } from './types'

const SLOT_PX = 30
const HEAD_PX = 48
const TIME_PX = 64

export interface Column {
  key: string
  id: number | null
  name: string
}

export interface MoveRequest {
  booking: Booking
  startsAt: string
  durationMinutes: number
  column: Column
}

interface Props {
  board: BoardData
  view: View
  tomorrow: string
  onOpen(booking: Booking): void
  onMove(req: MoveRequest): void
  onEmptyClick(column: Column, startsAt: string): void
}

export function columnsOf(board: BoardData, view: View): Column[] {
  if (view === 'advisors') return board.advisors.map((a) => ({ key: `a${a.id}`, id: a.id, name: a.name }))
  const cols: Column[] = board.bays.map((b) => ({ key: `b${b.id}`, id: b.id, name: b.name }))
  if (board.appointments.some((a) => a.bayId === null && a.status !== 'cancelled' && a.status !== 'no_show')) cols.push({ key: 'none', id: null, name: '' })
  return cols
}

const columnOf = (a: Booking, view: View): number | null => (view === 'advisors' ? a.advisorId : a.bayId)

interface Drag {
  id: number
  mode: 'move' | 'resize'
  x: number
  y: number
  dSlots: number
  dCols: number
  moved: boolean
}

/**
 * The day as a grid: a column per bay (or advisor), a row per slot of the shop's grid. A booking
 * is dragged to move it, dragged by its lower edge to resize it, or moved with the keyboard; every
 * move goes to main, which runs the same clash check as a new booking.
 */
export function BoardGrid({ board, view, tomorrow, onOpen, onMove, onEmptyClick }: Props) {
  const { t } = useTranslation()
  const slot = board.settings.slotMinutes
  const open = board.opening ? hhmm(board.opening.open) : 8 * 60
  const close = board.opening ? hhmm(board.opening.close) : 18 * 60
  const dayStart = toMinutes(board.date)
  const rows = Math.ceil((close - open) / slot)
  const columns = columnsOf(board, view)
  const gridRef = useRef<HTMLDivElement>(null)
  const [drag, setDrag] = useState<Drag | null>(null)
  const colWidth = (): number => {
    const el = gridRef.current
    return el ? (el.clientWidth - TIME_PX) / Math.max(columns.length, 1) : 160
  }
  const topOf = (local: string): number => ((toMinutes(local) - dayStart - open) / slot) * SLOT_PX
  const request = (a: Booking, dSlots: number, dCols: number, resize: boolean): MoveRequest | null => {
    const from = columns.findIndex((c) => c.id === columnOf(a, view))
    const column = columns[Math.min(Math.max(from + dCols, 0), columns.length - 1)]
    if (!column || column.id === null) return null
    const start = resize ? a.startsAt : fromMinutes(toMinutes(a.startsAt) + dSlots * slot)
    const duration = resize ? Math.max(slot, durationOf(a) + dSlots * slot) : durationOf(a)
    if (start === a.startsAt && duration === durationOf(a) && column.id === columnOf(a, view)) return null
    return { booking: a, startsAt: start, durationMinutes: duration, column }
  }
  const movable = (a: Booking) => ['booked', 'confirmed', 'reminded', 'arrived', 'late'].includes(a.status)

  const onPointerDown = (a: Booking, mode: Drag['mode']) => (e: PointerEvent<HTMLDivElement>) => {
    if (!movable(a) || e.button !== 0) return
    e.stopPropagation()
    e.currentTarget.setPointerCapture(e.pointerId)
    setDrag({ id: a.id, mode, x: e.clientX, y: e.clientY, dSlots: 0, dCols: 0, moved: false })
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return
    const dSlots = Math.round((e.clientY - drag.y) / SLOT_PX)
    const dCols = drag.mode === 'move' ? Math.round((e.clientX - drag.x) / colWidth()) : 0
    const moved = drag.moved || Math.abs(e.clientY - drag.y) > 4 || Math.abs(e.clientX - drag.x) > 4
    if (dSlots !== drag.dSlots || dCols !== drag.dCols || moved !== drag.moved) setDrag({ ...drag, dSlots, dCols, moved })
  }
  const onPointerUp = (a: Booking) => () => {
    if (!drag) return
    const d = drag
    setDrag(null)
    if (!d.moved) return onOpen(a)
    const req = request(a, d.dSlots, d.dCols, d.mode === 'resize')
    if (req) onMove(req)
  }
  const onKeyDown = (a: Booking) => (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      return onOpen(a)
    }
    const step = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key]
    if (!step || !movable(a)) return
    e.preventDefault()
    const req = e.shiftKey ? request(a, step[0] as number, 0, true) : request(a, step[0] as number, step[1] as number, false)
    if (req) onMove(req)
  }
  const clickEmpty = (column: Column) => (e: React.MouseEvent<HTMLDivElement>) => {
    if (column.id === null || e.target !== e.currentTarget) return
    const y = e.clientY - e.currentTarget.getBoundingClientRect().top
    onEmptyClick(column, fromMinutes(dayStart + open + Math.floor(y / SLOT_PX) * slot))
  }

  const nowTop = board.date === board.today ? topOf(board.now) : null
  const bayName = (id: number | null) => board.bays.find((b) => b.id === id)?.name ?? ''

  return (
    <Box ref={gridRef} pos="relative" style={{ display: 'grid', gridTemplateColumns: `${TIME_PX}px repeat(${columns.length}, minmax(150px, 1fr))`, userSelect: 'none' }} data-testid="board-grid">
      <div style={{ height: HEAD_PX }} />
      {columns.map((c) => (
        <Box key={c.key} h={HEAD_PX} px="xs" style={{ borderBottom: '2px solid var(--mantine-color-gray-5)', display: 'flex', alignItems: 'center' }}>
          <Text fw={700} fz="xl" truncate data-testid="board-column">{c.id === null ? t('board.noBay') : c.name}</Text>
        </Box>
      ))}
      <Box pos="relative" h={rows * SLOT_PX}>
        {Array.from({ length: rows }, (_, i) => (open + i * slot) % 60 === 0 && (
          <Text key={i} pos="absolute" top={i * SLOT_PX - 2} right={8} fz="md" fw={600} c="dimmed">
            {timeOf(fromMinutes(open + i * slot))}
          </Text>
        ))}
      </Box>
      {columns.map((c) => (
        <Box
          key={c.key}
          pos="relative"
          h={rows * SLOT_PX}
          onClick={clickEmpty(c)}
          data-testid={`column-${c.key}`}
          style={{
            borderLeft: '1px solid var(--mantine-color-gray-3)',
            backgroundImage: `repeating-linear-gradient(to bottom, transparent 0, transparent ${SLOT_PX - 1}px, var(--mantine-color-gray-2) ${SLOT_PX - 1}px, var(--mantine-color-gray-2) ${SLOT_PX}px)`,
            cursor: c.id === null ? 'default' : 'copy'
          }}
        >
          {view === 'bays' &&
            board.blocks
              .filter((b) => b.bayId === c.id)
              .map((b) => <Shade key={`blk${b.id}`} top={Math.max(0, topOf(b.startsAt))} bottom={Math.min(rows * SLOT_PX, topOf(b.endsAt))} label={`${t('board.blocked')} ${b.reason ?? ''}`} />)}
          {view === 'advisors' &&
            board.blocks
              .filter((b) => b.advisorId === c.id)
              .map((b) => <Shade key={`blk${b.id}`} top={Math.max(0, topOf(b.startsAt))} bottom={Math.min(rows * SLOT_PX, topOf(b.endsAt))} label={`${t('board.blocked')} ${b.reason ?? ''}`} />)}
          {view === 'bays' &&
            board.carriedOver
              .filter((o) => o.bayId === c.id)
              .map((o) => (
                <Shade key={`co${o.appointmentId}`} top={0} bottom={Math.min(rows * SLOT_PX, Math.max(SLOT_PX, topOf(o.until)))} label={t('board.carriedOver', { number: o.number, plate: o.plate, until: o.until.replace('T', ' ') })} color="grape" />
              ))}
          {board.appointments
            .filter((a) => columnOf(a, view) === c.id && (c.id !== null || (a.status !== 'cancelled' && a.status !== 'no_show')))
            .map((a) => {
              const dragging = drag?.id === a.id && drag.moved ? drag : null
              const top = topOf(a.startsAt) + (dragging && dragging.mode === 'move' ? dragging.dSlots * SLOT_PX : 0)
              const height = Math.max(SLOT_PX, (durationOf(a) / slot) * SLOT_PX + (dragging?.mode === 'resize' ? dragging.dSlots * SLOT_PX : 0)) - 2
              const unconfirmed = a.status === 'booked' && a.startsAt.slice(0, 10) === tomorrow
              const faded = a.status === 'cancelled' || a.status === 'no_show'
              const color = STATUS_COLOR[a.status]
              return (
                <Box
                  key={a.id}
                  role="button"
                  tabIndex={0}
                  aria-label={`${a.plate} ${timeOf(a.startsAt)}–${timeOf(a.endsAt)} ${t(`board.status.${a.status}`)}`}
                  data-testid="booking"
                  data-plate={a.plate}
                  data-status={a.status}
                  onPointerDown={onPointerDown(a, 'move')}
                  onPointerMove={onPointerMove}
                  onPointerUp={onPointerUp(a)}
                  onKeyDown={onKeyDown(a)}
                  pos="absolute"
                  top={top + 1}
                  left={4}
                  right={4}
                  h={height}
                  p={6}
                  style={{
                    transform: dragging && dragging.mode === 'move' ? `translateX(${dragging.dCols * colWidth()}px)` : undefined,
                    zIndex: dragging ? 5 : faded ? 1 : 2,
                    overflow: 'hidden',
                    borderRadius: 6,
                    background: `var(--mantine-color-${color}-${faded ? 0 : 1})`,
                    borderLeft: `6px solid var(--mantine-color-${color}-7)`,
                    outline: unconfirmed ? '3px dashed var(--mantine-color-orange-7)' : undefined,
                    outlineOffset: -3,
                    opacity: faded ? 0.55 : 1,
                    textDecoration: a.status === 'cancelled' ? 'line-through' : undefined,
                    cursor: movable(a) ? 'grab' : 'pointer',
                    boxShadow: dragging ? 'var(--mantine-shadow-lg)' : 'var(--mantine-shadow-xs)'
                  }}
                >
                  <Text fz="sm" fw={600} lh={1.1}>
                    {timeOf(a.startsAt)}–{timeOf(a.endsAt)} · {view === 'bays' ? a.advisorName : bayName(a.bayId)}
                  </Text>
                  <Text fz={22} fw={800} lh={1.2}>{a.plate}</Text>
                  <Text fz="sm" lh={1.2} truncate>
                    {a.customerName} · {t(`board.serviceType.${a.serviceType}`)}
                  </Text>
                  <Badge color={color} variant="filled" size="md" mt={2}>{t(`board.status.${a.status}`)}</Badge>
                  {unconfirmed && <Badge color="orange" variant="outline" size="md" mt={2} ml={4}>{t('board.unconfirmed')}</Badge>}
                  {a.lateCallResult && <Badge color="red" variant="light" size="md" mt={2} ml={4}>{t(`board.lateCallResult.${a.lateCallResult}`)}{a.lateCallDelay ? ` +${a.lateCallDelay}′` : ''}</Badge>}
                  {movable(a) && <div onPointerDown={onPointerDown(a, 'resize')} onPointerMove={onPointerMove} onPointerUp={(e) => { e.stopPropagation(); onPointerUp(a)() }} data-testid="resize" style={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: 8, cursor: 'ns-resize' }} />}
                </Box>
              )
            })}
        </Box>
      ))}
      {nowTop !== null && nowTop >= 0 && nowTop <= rows * SLOT_PX && (
        <Box pos="absolute" left={TIME_PX - 8} right={0} top={HEAD_PX + nowTop} h={3} bg="red.6" style={{ zIndex: 6, pointerEvents: 'none' }} data-testid="now-line">
          <Box pos="absolute" left={-6} top={-5} w={13} h={13} bg="red.6" style={{ borderRadius: '50%' }} />
        </Box>
      )}
    </Box>
  )
}

function Shade({ top, bottom, label, color = 'gray' }: { top: number; bottom: number; label: string; color?: string }) {
  if (bottom <= top) return null
  return (
    <Box
      pos="absolute"
      top={top}
      left={0}
      right={0}
      h={bottom - top}
      p={6}
      style={{
        zIndex: 1,
        pointerEvents: 'none',
        background: `repeating-linear-gradient(45deg, var(--mantine-color-${color}-1), var(--mantine-color-${color}-1) 8px, var(--mantine-color-${color}-3) 8px, var(--mantine-color-${color}-3) 16px)`
      }}
    >
      <Text fz="sm" fw={700} c={`${color}.9`}>{label}</Text>
    </Box>
  )
}
