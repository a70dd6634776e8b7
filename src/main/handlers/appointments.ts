import type { appointmentsContract } from '../../shared/contract/appointments'
import type { Locale } from '../../shared/contract/common'
import type { Core, Ctx } from '../core/context'
import { requireActor } from '../core/context'
import type { HandlerMap } from '../core/dispatch'
import {
  arriveAppointment,
  bookAppointment,
  cancelAppointment,
  carryOver,
  confirmAppointment,
  getAppointment,
  lateCall,
  listDay,
  localNow,
  markNoShow,
  moveAppointment,
  remindAppointment,
  updateAppointment
} from '../domain/appointments/appointments'
import { boardDay, signoffOf } from '../domain/appointments/board'
import { nextFreeSlots } from '../domain/appointments/clash'
import { addMinutes } from '../domain/appointments/clock'
import { figures } from '../domain/appointments/figures'
import { addBlock, listBays, listBlocks, readBoardSettings, removeBlock, saveBay, writeBoardSettings } from '../domain/appointments/settings'
import { signOffDay } from '../domain/appointments/signoff'
import { tasksFor, tickTask } from '../domain/appointments/tasks'
import { readSettings } from '../domain/settings/settings'
import { inTx } from '../domain/tx'
import { appointmentSlipDoc } from '../print/documents/appointment-slip'
import { appointmentSummaryDoc, summaryNumber } from '../print/documents/appointment-summary'
import { windscreenCardDoc } from '../print/documents/windscreen-card'
import { renderPdf } from '../print/render'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'

/** Runs a step on one booking in its own transaction and returns the booking as it now stands. */
const step = (ctx: Ctx, id: number, fn: (actor: ReturnType<typeof requireActor>, at: Date) => void) =>
  inTx(ctx.db, () => {
    fn(requireActor(ctx), ctx.clock.now())
    return getAppointment(ctx.db, id)
  })

async function printed(core: Core, token: string | null, doc: TDocumentDefinitions, locale: Locale, fileName: string) {
  const { pdf, pages } = await renderPdf(doc, locale)
  return { documentId: core.documents.put(pdf, fileName, token), fileName, pages, bytes: pdf.length }
}

export const appointmentsHandlers: HandlerMap<typeof appointmentsContract> = {
  'appointments.settings.get': (_input, { db, clock }) => {
    const today = localNow(db, clock.now()).slice(0, 10)
    return { settings: readBoardSettings(db), bays: listBays(db), blocks: listBlocks(db, `${today}T00:00`, '9999-12-31T00:00') }
  },
  'appointments.settings.update': (input, ctx) => inTx(ctx.db, () => writeBoardSettings(ctx.db, requireActor(ctx), ctx.clock.now(), input)),
  'appointments.bays.save': (input, ctx) => inTx(ctx.db, () => saveBay(ctx.db, requireActor(ctx), ctx.clock.now(), input)),
  'appointments.blocks.add': (input, ctx) => inTx(ctx.db, () => addBlock(ctx.db, requireActor(ctx), ctx.clock.now(), input)),
  'appointments.blocks.remove': ({ id }, ctx) =>
    inTx(ctx.db, () => {
      removeBlock(ctx.db, requireActor(ctx), ctx.clock.now(), id)
      return { ok: true as const }
    }),
  'appointments.board': ({ date }, { db, clock }) => boardDay(db, date ?? localNow(db, clock.now()).slice(0, 10), clock.now()),
  'appointments.get': ({ id }, { db }) => getAppointment(db, id),
  'appointments.book': (input, ctx) =>
    inTx(ctx.db, () => getAppointment(ctx.db, bookAppointment(ctx.db, requireActor(ctx), ctx.clock.now(), input))),
  'appointments.update': ({ id, version, ...fields }, ctx) => step(ctx, id, (actor, at) => updateAppointment(ctx.db, actor, at, id, version, fields)),
  'appointments.move': (input, ctx) => step(ctx, input.id, (actor, at) => moveAppointment(ctx.db, actor, at, input)),
  'appointments.freeSlots': (input, { db, clock }) => {
    const now = localNow(db, clock.now())
    const bays = listBays(db, false)
    const want = { id: input.exceptId ?? null, bayId: input.bayId ?? bays[0]?.id ?? 0, advisorId: input.advisorId, startsAt: input.from, endsAt: addMinutes(input.from, input.durationMinutes) }
    return nextFreeSlots(db, readBoardSettings(db), want, bays, now.slice(0, 10), now, input.limit)
  },
  'appointments.confirm': ({ id, version }, ctx) => step(ctx, id, (actor, at) => confirmAppointment(ctx.db, actor, at, id, version)),
  'appointments.remind': ({ id, version, result, note }, ctx) => step(ctx, id, (actor, at) => remindAppointment(ctx.db, actor, at, id, version, result, note)),
  'appointments.arrive': ({ id, version }, ctx) => step(ctx, id, (actor, at) => arriveAppointment(ctx.db, actor, at, id, version)),
  'appointments.lateCall': ({ id, version, ...call }, ctx) => step(ctx, id, (actor, at) => lateCall(ctx.db, actor, at, id, version, call)),
  'appointments.noShow': ({ id, version }, ctx) => step(ctx, id, (actor, at) => markNoShow(ctx.db, actor, at, id, version)),
  'appointments.cancel': ({ id, version, reason }, ctx) => step(ctx, id, (actor, at) => cancelAppointment(ctx.db, actor, at, id, version, reason)),
  'appointments.carryOver': ({ id, version, until }, ctx) => step(ctx, id, (actor, at) => carryOver(ctx.db, actor, at, id, version, until)),
  'appointments.tasks': ({ date }, { db }) => tasksFor(db, date),
  'appointments.tasks.tick': ({ appointmentId, task, done }, ctx) =>
    inTx(ctx.db, () => tickTask(ctx.db, requireActor(ctx), ctx.clock.now(), appointmentId, task, done)),
  'appointments.signOff': ({ date, note }, ctx) => inTx(ctx.db, () => signOffDay(ctx.db, requireActor(ctx), ctx.clock.now(), date, note)),
  'appointments.figures': ({ period, from, to }, { db }) => figures(db, period, from, to),
  'appointments.print.summary': async ({ date, locale }, { core, db, clock, token }) => {
    const settings = readSettings(db)
    const loc = locale ?? settings.locale ?? 'zh-CN'
    const printedAt = clock.now()
    const doc = appointmentSummaryDoc({
      date,
      today: localNow(db, printedAt).slice(0, 10),
      appointments: listDay(db, date),
      bays: listBays(db),
      signoff: signoffOf(db, date),
      settings,
      locale: loc,
      printedAt
    })
    return printed(core, token, doc, loc, `${summaryNumber(date)}.pdf`)
  },
  'appointments.print.slip': async ({ id, locale }, { core, db, clock, token }) => {
    const settings = readSettings(db)
    const loc = locale ?? settings.locale ?? 'zh-CN'
    const appointment = getAppointment(db, id)
    const bayId = appointment.bayId ?? appointment.heldBayId
    const bayName = listBays(db).find((b) => b.id === bayId)?.name ?? ''
    const doc = appointmentSlipDoc({ appointment, bayName, windowMinutes: readBoardSettings(db).windowMinutes, settings, locale: loc, printedAt: clock.now() })
    return printed(core, token, doc, loc, `${appointment.number}-${appointment.plate}.pdf`)
  },
  'appointments.print.windscreenCard': async ({ id, locale }, { core, db, token }) => {
    const settings = readSettings(db)
    const loc = locale ?? settings.locale ?? 'zh-CN'
    const appointment = getAppointment(db, id)
    return printed(core, token, windscreenCardDoc({ appointment, settings, locale: loc }), loc, `${appointment.number}-card.pdf`)
  }
}
