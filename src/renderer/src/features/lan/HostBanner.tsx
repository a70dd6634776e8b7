import { Alert } from '@mantine/core'
import { IconPlugConnectedX } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'

/**
 * On a workstation: a banner the moment the host cannot be reached, gone when the link is back.
 * Calls made meanwhile fail with a clear message and the forms keep what was typed.
 */
export function HostBanner() {
  const { t } = useTranslation()
  const [lost, setLost] = useState<string | null>(null)
  const [workstation, setWorkstation] = useState(false)
  useEffect(() => {
    let alive = true
    const check = (): void => {
      call('lan.workstationStatus', {})
        .then((m) => {
          if (!alive) return
          setWorkstation(m.mode === 'workstation')
          setLost(m.link && !m.link.connected ? m.link.hostUrl : null)
        })
        .catch(() => undefined)
    }
    check()
    const timer = window.setInterval(check, workstation ? 2000 : 30_000)
    return () => {
      alive = false
      window.clearInterval(timer)
    }
  }, [workstation])
  if (!lost) return null
  return (
    <Alert color="red" variant="filled" icon={<IconPlugConnectedX />} data-testid="host-lost" style={{ position: 'sticky', top: 0, zIndex: 300 }}>
      {t('lan.lost', { host: lost })}
    </Alert>
  )
}
