import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import type { Campaign } from '../../../shared/contract/followup'
import { AppError } from '../../../shared/errors'
import { addDays } from '../../../shared/time'
import { recordAudit } from '../audit/audit'
import { campaignCallWindow } from './rules'
import { readFollowupSettings } from './settings'
import { shopToday } from './tasks'

export interface CampaignInput {
  title: string
  kind: 'event' | 'offer'
  eventDate: string
  message: string
  audienceMake: string | null
  audienceVisitedMonths?: number | undefined
}

/**
 * An event or offer: every customer in its audience gets a phone notice two weeks before the
 * date (the letter follows the call). Too late for a two-week notice is refused.
 */
export function createCampaign(db: Db, actor: Actor, at: Date, c: CampaignInput): number {
  const s = readFollowupSettings(db)
  const { today } = shopToday(db, at)
  const w = campaignCallWindow(c.eventDate, s)
  if (w.by < today) {
    throw new AppError('followup.campaign_too_late', `A notice two weeks ahead was due on ${w.by}.`, { date: w.by })
  }
  const iso = at.toISOString()
  const id = Number(
    db
      .prepare(
        `INSERT INTO followup_campaigns (title, kind, event_date, message, audience_make, audience_visited_months, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(c.title, c.kind, c.eventDate, c.message, c.audienceMake, c.audienceVisitedMonths ?? null, actor.id, iso).lastInsertRowid
  )
  const conditions = ['1']
  const params: Record<string, string | number> = { id, from: w.from, by: w.by, reason: c.eventDate, iso }
  if (c.audienceMake) {
    conditions.push('EXISTS (SELECT 1 FROM vehicles v WHERE v.customer_id = c.id AND v.make = @make)')
    params.make = c.audienceMake
  }
  if (c.audienceVisitedMonths) {
    conditions.push('EXISTS (SELECT 1 FROM work_orders wo WHERE wo.customer_id = c.id AND wo.opened_at >= @visitedSince)')
    params.visitedSince = new Date(Date.parse(`${addDays(today, -30 * c.audienceVisitedMonths)}T00:00:00Z`)).toISOString()
  }
  const n = db
    .prepare(
      `INSERT INTO followup_tasks (kind, channel, customer_id, campaign_id, reason_date, due_from, due_by, created_at, updated_at)
       SELECT 'campaign_call', 'phone', c.id, @id, @reason, @from, @by, @iso, @iso FROM customers c WHERE ${conditions.join(' AND ')}`
    )
    .run(params).changes
  db.prepare('UPDATE followup_campaigns SET customers = ? WHERE id = ?').run(n, id)
  recordAudit(db, actor, at, { action: 'create', entity: 'followup_campaign', entityId: id, after: { ...c, customers: n, noticeOn: w.by } })
  return id
}

export function listCampaigns(db: ReadDb): Campaign[] {
  const s = readFollowupSettings(db)
  const rows = db
    .prepare(
      `SELECT cp.id, cp.title, cp.kind, cp.event_date AS eventDate, cp.message, cp.audience_make AS audienceMake,
         cp.audience_visited_months AS audienceVisitedMonths, cp.customers, cp.cancelled_at AS cancelledAt, cp.version,
         (SELECT count(*) FROM followup_tasks t WHERE t.campaign_id = cp.id AND t.kind = 'campaign_call' AND t.status <> 'open') AS callsDone,
         (SELECT count(*) FROM followup_letters l WHERE l.campaign_id = cp.id) AS lettersDone
       FROM followup_campaigns cp ORDER BY cp.event_date DESC, cp.id DESC LIMIT 200`
    )
    .all() as Array<Omit<Campaign, 'noticeOn'>>
  return rows.map((r) => ({ ...r, noticeOn: campaignCallWindow(r.eventDate, s).by }))
}

export function getCampaign(db: ReadDb, id: number): Campaign {
  const c = listCampaigns(db).find((x) => x.id === id)
  if (!c) throw new AppError('not_found', `campaign ${id} not found`, { what: 'campaign', id: String(id) })
  return c
}
