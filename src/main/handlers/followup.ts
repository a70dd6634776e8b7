import type { followupContract } from '../../shared/contract/followup'
import type { HandlerMap } from '../core/dispatch'
import { requireActor } from '../core/context'
import { recordAudit } from '../domain/audit/audit'
import { readSettings } from '../domain/settings/settings'
import { inTx } from '../domain/tx'
import { callRegister, callsOfTask, getCall, recordInboundCall, recordTaskCall, type RecordResult } from '../domain/followup/calls'
import { createCampaign, getCampaign, listCampaigns } from '../domain/followup/campaigns'
import { createComplaint, getComplaint, listComplaints, stepComplaint } from '../domain/followup/complaints'
import { callRegisterXlsx } from '../domain/followup/export'
import { customerFile, filesToComplete } from '../domain/followup/file'
import { completeTask, getLetter, letterNumber, listLetters, mailMergeFile, registerLetter } from '../domain/followup/letters'
import { planFollowups } from '../domain/followup/plan'
import { declinedItemsForVehicle } from '../domain/workorders'
import { getRequest, listRequests, solveRequest } from '../domain/followup/requests'
import { readFollowupSettings, writeFollowupSettings } from '../domain/followup/settings'
import { assignTask, getTask, shopToday, splitTasks, todayList } from '../domain/followup/tasks'
import { callRegisterDoc } from '../print/documents/call-register'
import { letterDoc } from '../print/documents/letter'
import { renderPdf } from '../print/render'
import type { Ctx } from '../core/context'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const EXPORT_ROWS = 50_000

function recorded(ctx: Ctx, r: RecordResult) {
  return {
    call: getCall(ctx.db, ctx.actor, r.callId),
    taskStatus: r.taskStatus,
    nextTaskId: r.nextTaskId,
    requestId: r.requestId,
    complaintId: r.complaintId
  }
}

export const followupHandlers: HandlerMap<typeof followupContract> = {
  'followup.settings.get': (_input, { db }) => readFollowupSettings(db),
  'followup.settings.update': (input, { db, actor, clock }) =>
    inTx(db, () => {
      const before = readFollowupSettings(db)
      writeFollowupSettings(db, input)
      recordAudit(db, actor, clock.now(), { action: 'update', entity: 'settings', entityId: 'followup', before, after: input })
      return readFollowupSettings(db)
    }),
  'followup.today': ({ assigned, limit }, { db, actor, clock }) =>
    inTx(db, () => {
      planFollowups(db, clock.now())
      return todayList(db, actor, clock.now(), assigned, limit)
    }),
  'followup.tasks.get': ({ id }, { db, actor, clock }) => {
    const task = getTask(db, actor, clock.now(), id)
    return { ...task, calls: callsOfTask(db, actor, id), declined: task.vehicleId ? declinedItemsForVehicle(db, task.vehicleId) : [] }
  },
  'followup.tasks.assign': ({ id, version, staffId }, { db, actor, clock }) =>
    inTx(db, () => {
      assignTask(db, actor, clock.now(), id, version, staffId)
      return getTask(db, actor, clock.now(), id)
    }),
  'followup.tasks.split': ({ staffIds }, { db, actor, clock }) => inTx(db, () => splitTasks(db, actor, clock.now(), staffIds)),
  'followup.tasks.complete': ({ id, version, note }, ctx) =>
    inTx(ctx.db, () => {
      const letterId = completeTask(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, note)
      return { task: getTask(ctx.db, ctx.actor, ctx.clock.now(), id), letterId }
    }),
  'followup.calls.record': ({ taskId, taskVersion, ...facts }, ctx) =>
    inTx(ctx.db, () => recorded(ctx, recordTaskCall(ctx.db, requireActor(ctx), ctx.clock.now(), taskId, taskVersion, facts))),
  'followup.calls.inbound': (input, ctx) => inTx(ctx.db, () => recorded(ctx, recordInboundCall(ctx.db, requireActor(ctx), ctx.clock.now(), input))),
  'followup.calls.register': ({ limit, ...filter }, { db, actor }) => callRegister(db, actor, filter, limit),
  'followup.calls.export': async (filter, { db, actor, clock }) => {
    const settings = readSettings(db)
    const locale = settings.locale ?? 'zh-CN'
    const { items } = callRegister(db, actor, filter, EXPORT_ROWS)
    const file = await callRegisterXlsx(items, locale, settings.timeZone)
    const fileName = `call-register-${shopToday(db, clock.now()).today}.xlsx`
    inTx(db, () =>
      recordAudit(db, actor, clock.now(), { action: 'export', entity: 'followup_call', entityId: 'register', note: { filter, rows: items.length, fileName } })
    )
    return { fileName, mime: XLSX, base64: file.toString('base64'), rows: items.length }
  },
  'followup.requests.list': ({ view }, { db, actor, clock }) => listRequests(db, actor, clock.now(), view),
  'followup.requests.solve': ({ id, version, solution }, ctx) =>
    inTx(ctx.db, () => {
      const tellTaskId = solveRequest(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, solution)
      return { request: getRequest(ctx.db, ctx.actor, ctx.clock.now(), id), tellTaskId }
    }),
  'followup.complaints.list': ({ view, customerId }, { db, clock }) => listComplaints(db, clock.now(), view, customerId),
  'followup.complaints.get': ({ id }, { db, actor, clock }) => getComplaint(db, actor, clock.now(), id),
  'followup.complaints.create': (input, { db, actor, clock }) =>
    inTx(db, () => {
      const id = createComplaint(db, actor, clock.now(), {
        customerId: input.customerId,
        vehicleId: input.vehicleId ?? null,
        workOrderId: input.workOrderId ?? null,
        staffId: input.staffId ?? null,
        callId: null,
        channel: input.channel,
        category: input.category,
        department: input.department ?? null,
        description: input.description
      })
      return getComplaint(db, actor, clock.now(), id)
    }),
  'followup.complaints.step': (input, ctx) =>
    inTx(ctx.db, () => {
      stepComplaint(ctx.db, requireActor(ctx), ctx.clock.now(), input)
      return getComplaint(ctx.db, ctx.actor, ctx.clock.now(), input.id)
    }),
  'followup.letters.list': ({ limit, ...filter }, { db }) => listLetters(db, filter, limit),
  'followup.letters.create': (input, { db, actor, clock }) =>
    inTx(db, () =>
      getLetter(
        db,
        registerLetter(db, actor, clock.now(), { ...input, letterDate: input.letterDate ?? shopToday(db, clock.now()).today })
      )
    ),
  'followup.letters.print': async ({ id, locale: wanted }, { core, db, clock, token }) => {
    const settings = readSettings(db)
    const locale = wanted ?? settings.locale ?? 'zh-CN'
    const letter = getLetter(db, id)
    const { pdf, pages } = await renderPdf(letterDoc({ letter, settings, locale, printedAt: clock.now() }), locale)
    const fileName = `${letterNumber(id)}-${letter.customerName}.pdf`
    return { documentId: core.documents.put(pdf, fileName, token), fileName, pages, bytes: pdf.length }
  },
  'followup.letters.export': async ({ ids, format }, { db, actor, clock }) => {
    const settings = readSettings(db)
    const letters = ids.map((id) => getLetter(db, id))
    const file = await mailMergeFile(letters, format, settings.locale ?? 'zh-CN')
    const fileName = `letters-${shopToday(db, clock.now()).today}.${format}`
    inTx(db, () =>
      recordAudit(db, actor, clock.now(), { action: 'export', entity: 'followup_letter', entityId: 'mail-merge', note: { ids, format, fileName } })
    )
    return { fileName, mime: format === 'csv' ? 'text/csv' : XLSX, base64: file.toString('base64'), rows: letters.length }
  },
  'followup.campaigns.list': (_input, { db }) => listCampaigns(db),
  'followup.campaigns.create': (input, ctx) =>
    inTx(ctx.db, () =>
      getCampaign(ctx.db, createCampaign(ctx.db, requireActor(ctx), ctx.clock.now(), { ...input, audienceMake: input.audienceMake ?? null }))
    ),
  'followup.customerFile': ({ customerId }, { db, actor, clock }) =>
    inTx(db, () => {
      // A delivery made since anyone last opened today's list shows in the file's planned calls at once.
      planFollowups(db, clock.now())
      return customerFile(db, actor, clock.now(), customerId)
    }),
  'followup.filesToComplete': ({ limit }, { db, clock }) => filesToComplete(db, clock.now(), limit),
  'followup.print.callRegister': async ({ locale: wanted, ...filter }, { core, db, actor, clock, token }) => {
    const settings = readSettings(db)
    const locale = wanted ?? settings.locale ?? 'zh-CN'
    const { items } = callRegister(db, actor, filter, 5000)
    const today = shopToday(db, clock.now()).today
    const period = `${filter.from ?? items[items.length - 1]?.at.slice(0, 10) ?? today} – ${filter.to ?? today}`
    const { pdf, pages } = await renderPdf(callRegisterDoc({ calls: [...items].reverse(), period, settings, locale, printedAt: clock.now() }), locale)
    const fileName = `call-register-${today}.pdf`
    // A printed register carries phone numbers out of the app just as the XLSX does.
    inTx(db, () =>
      recordAudit(db, actor, clock.now(), { action: 'export', entity: 'followup_call', entityId: 'register-print', note: { filter, rows: items.length, fileName } })
    )
    return { documentId: core.documents.put(pdf, fileName, token), fileName, pages, bytes: pdf.length }
  }
}
