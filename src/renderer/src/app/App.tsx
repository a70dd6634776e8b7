import { MantineProvider } from '@mantine/core'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useIdleLock } from './idle'
import type { StaffMember } from '../../../shared/contract/auth'
import type { Locale } from '../../../shared/contract/common'
import { call, onSignedOut, setSessionToken } from '../api/client'
import { applyLocale, systemLocale } from '../i18n'
import { setDisplayTimeZone } from '../lib/format'
import { themeFor } from '../theme'
import { SessionContext, type SessionState } from './session'
import { Shell } from './Shell'
import { SignIn } from './SignIn'

export function App() {
  const [locale, setLocaleState] = useState<Locale>(systemLocale)
  const [staff, setStaff] = useState<StaffMember | null>(null)
  const [checked, setChecked] = useState(false)

  const changeLocale = useCallback((next: Locale) => {
    applyLocale(next)
    setLocaleState(next)
  }, [])

  useEffect(() => applyLocale(locale), [locale])

  // A reload keeps the session if it is still valid on the main side.
  useEffect(() => {
    call('auth.me', {})
      .then(async (me) => {
        const { locale: kept, timeZone } = await call('settings.get', {})
        if (kept) changeLocale(kept)
        setDisplayTimeZone(timeZone)
        setStaff(me)
      })
      .catch(() => setSessionToken(null))
      .finally(() => setChecked(true))
    return onSignedOut(() => {
      setSessionToken(null)
      setStaff(null)
    })
  }, [changeLocale])

  const session = useMemo<SessionState | null>(
    () =>
      staff && {
        staff,
        locale,
        setLocale: (next) => {
          changeLocale(next)
          void call('settings.setLocale', { locale: next }).catch(() => undefined)
        },
        signOut: () => {
          void call('auth.signOut', {}).catch(() => undefined)
          setSessionToken(null)
          setStaff(null)
        }
      },
    [staff, locale, changeLocale]
  )

  const [idleMinutes, setIdleMinutes] = useState(10)
  useEffect(() => {
    if (!staff) return
    call('settings.get', {})
      .then((s) => {
        setIdleMinutes(s.idleLockMinutes)
        setDisplayTimeZone(s.timeZone)
      })
      .catch(() => undefined)
  }, [staff])
  // Nobody at the counter for a while: back to "who is at the counter?".
  useIdleLock(staff !== null, idleMinutes, () => session?.signOut())

  const theme = useMemo(() => themeFor(locale), [locale])
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      {!checked ? null : session ? (
        <SessionContext.Provider value={session}>
          <ModalsProvider>
            <Shell />
          </ModalsProvider>
        </SessionContext.Provider>
      ) : (
        <SignIn
          locale={locale}
          onLocale={changeLocale}
          onSignedIn={(s) => {
            setSessionToken(s.token)
            setStaff(s.staff)
          }}
        />
      )}
    </MantineProvider>
  )
}
