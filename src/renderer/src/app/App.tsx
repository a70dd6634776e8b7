import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { StaffMember } from '../../../shared/contract/auth'
import type { Locale } from '../../../shared/contract/common'
import { call, onSignedOut, setSessionToken } from '../api/client'
import { applyLocale, systemLocale } from '../i18n'
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
        const { locale: kept } = await call('settings.get', {})
        if (kept) changeLocale(kept)
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

  const theme = useMemo(() => themeFor(locale), [locale])
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      {!checked ? null : session ? (
        <SessionContext.Provider value={session}>
          <Shell />
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
