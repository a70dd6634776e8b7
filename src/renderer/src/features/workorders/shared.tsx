import { Badge, Button, Menu } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../../../shared/contract/common'
import { call, showDocument } from '../../api/client'
import { showError } from '../../lib/errors'

const COLOUR: Record<string, string> = {
  open: 'blue',
  approved: 'teal',
  in_progress: 'orange',
  waiting_parts: 'yellow',
  done: 'green',
  delivered: 'gray',
  declined: 'red',
  cancelled: 'gray'
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <Badge size="lg" color={COLOUR[status] ?? 'gray'} variant="light" data-testid="order-status">
      {t(`workorders.status.${status}`)}
    </Badge>
  )
}

type Sheet = 'checkin' | 'inspection' | 'workorder' | 'report' | 'warranty'

/** Print a sheet of an order in any of the three languages (A5 for the sheets that have it). */
export function PrintMenu({ workOrderId, sheet, label, a5 = false }: { workOrderId: number; sheet: Sheet; label: string; a5?: boolean }) {
  const { t, i18n } = useTranslation()
  const print = async (action: 'print' | 'save', locale: Locale, paper: 'A4' | 'A5'): Promise<void> => {
    try {
      await showDocument(await call('workorders.print', { workOrderId, sheet, paper, locale }), action)
    } catch (err) {
      showError(t, err)
    }
  }
  return (
    <Menu>
      <Menu.Target>
        <Button variant="light" leftSection={<IconPrinter size={18} />}>{label}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {(['zh-CN', 'zh-TW', 'en'] as const).map((l) => (
          <Menu.Item key={l} onClick={() => void print('print', l, 'A4')}>
            {t('common.print')} · {l === 'zh-CN' ? '简体中文' : l === 'zh-TW' ? '繁體中文' : 'English'}
          </Menu.Item>
        ))}
        {a5 && (
          <Menu.Item onClick={() => void print('print', i18n.language as Locale, 'A5')}>
            {t('common.print')} · A5
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item onClick={() => void print('save', i18n.language as Locale, 'A4')}>{t('common.savePdf')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}

export const yuan = (cents: number): string => (cents / 100).toFixed(2)
