import { Badge, Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../../../shared/contract/common'
import type { Part, PartCategory, PartLocation } from '../../../../shared/contract/parts'
import type { DocumentRef } from '../../../../shared/contract/system'
import { call, showDocument } from '../../api/client'
import { showError } from '../../lib/errors'

export type T = ReturnType<typeof useTranslation>['t']

/** The main store's name is the app's word for it; stations keep the name the shop gave them. */
export const locationName = (t: T, l: Pick<PartLocation, 'code' | 'name'> | undefined): string =>
  !l ? '' : l.code === 'MAIN' ? t('parts.mainStore') : l.name

export function categoryName(t: T, c: { code: string; name: string } | undefined): string {
  if (!c) return ''
  const key = `parts.categories.${c.code}`
  const label = t(key)
  return label === key ? c.name : label
}

export function useLookups() {
  const { t } = useTranslation()
  const [locations, setLocations] = useState<PartLocation[]>([])
  const [categories, setCategories] = useState<PartCategory[]>([])
  const [suppliers, setSuppliers] = useState<Array<{ id: number; name: string }>>([])
  const reload = useCallback(() => {
    Promise.all([call('parts.locations.list', {}), call('parts.categories.list', {}), call('parts.suppliers.list', {})])
      .then(([l, c, s]) => {
        setLocations(l)
        setCategories(c)
        setSuppliers(s)
      })
      .catch((err: unknown) => showError(t, err))
  }, [t])
  useEffect(reload, [reload])
  return {
    locations,
    categories,
    suppliers,
    reload,
    locationOptions: locations.filter((l) => l.active).map((l) => ({ value: String(l.id), label: locationName(t, l) })),
    categoryOptions: categories.map((c) => ({ value: String(c.id), label: categoryName(t, c) })),
    supplierOptions: suppliers.map((s) => ({ value: String(s.id), label: s.name }))
  }
}

export function WatchedBadge({ part }: { part: Pick<Part, 'watched'> }) {
  const { t } = useTranslation()
  return part.watched ? (
    <Badge color="orange" variant="light" size="sm">
      {t('parts.watched')}
    </Badge>
  ) : null
}

/**
 * Part no. then Enter: what a barcode scanner types. An exact part no. is taken at once; otherwise
 * the first search hit is offered under the box.
 */
export function PartNoInput({ onPick, label, autoFocus }: { onPick(part: Part): void; label?: string; autoFocus?: boolean }) {
  const { t } = useTranslation()
  const [value, setValue] = useState('')
  const [hits, setHits] = useState<Part[]>([])
  useEffect(() => {
    const q = value.trim()
    if (q.length < 2) {
      setHits([])
      return
    }
    let live = true
    const timer = setTimeout(() => {
      call('parts.search', { query: q, limit: 6 })
        .then((r) => live && setHits(r.items))
        .catch(() => undefined)
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [value])
  const take = (p: Part) => {
    onPick(p)
    setValue('')
    setHits([])
  }
  const enter = async () => {
    const q = value.trim()
    if (!q) return
    try {
      const p = await call('parts.get', { partNo: q })
      take(p)
    } catch (err) {
      if (hits[0]) take(hits[0])
      else showError(t, err)
    }
  }
  return (
    <Stack gap={4}>
      <TextInput
        size="md"
        label={label ?? t('parts.receive.addLine')}
        aria-label={label ?? t('parts.receive.addLine')}
        value={value}
        autoFocus={autoFocus}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            void enter()
          }
        }}
      />
      {hits.length > 0 && (
        <Group gap={6}>
          {hits.map((p) => (
            <Button key={p.id} size="xs" variant="light" onClick={() => take(p)}>
              {p.partNo} · {p.name}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  )
}

/** The print menu every sheet gets: the three languages, and save as PDF. */
export function PrintMenu({ label, render }: { label: string; render(locale: Locale): Promise<DocumentRef> }) {
  const { t, i18n } = useTranslation()
  const run = async (action: 'print' | 'save', locale: Locale) => {
    try {
      await showDocument(await render(locale), action)
    } catch (err) {
      showError(t, err)
    }
  }
  return (
    <Menu>
      <Menu.Target>
        <Button variant="default" leftSection={<IconPrinter size={18} />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {(['zh-CN', 'zh-TW', 'en'] as const).map((l) => (
          <Menu.Item key={l} onClick={() => void run('print', l)}>
            {t('common.print')} · {l === 'zh-CN' ? '简体中文' : l === 'zh-TW' ? '繁體中文' : 'English'}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => void run('save', i18n.language as Locale)}>{t('common.savePdf')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}

/** Asks for the typed reason a reversal, a rejection or a close needs, then runs the action. */
export function ReasonModal({ title, opened, onClose, onConfirm, children }: { title: string; opened: boolean; onClose(): void; onConfirm(reason: string): Promise<void>; children?: ReactNode }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setBusy(true)
          onConfirm(reason.trim())
            .then(() => setReason(''))
            .finally(() => setBusy(false))
        }}
      >
        <Stack>
          {children}
          <TextInput label={t('parts.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!reason.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** Saves a base64 file the app made (an export) through the browser's download. */
export function downloadBase64(fileName: string, mimeType: string, data: string): void {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export const yuan = (cents: number): number => cents / 100
export const cents = (yuanValue: number | string): number => Math.round(Number(yuanValue || 0) * 100)
