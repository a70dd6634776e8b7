import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../shared/contract/auth'
import type { Locale } from '../../../shared/contract/common'
import { call } from '../api/client'
import { errorMessage, fieldErrors } from '../lib/errors'
import { LanguageSelect } from './LanguageSelect'
import { ConnectToHost } from '../features/lan/ConnectToHost'

interface Props {
  locale: Locale
  onLocale(locale: Locale): void
  onSignedIn(session: Session): void
}

/** "Who is at the counter?": pick your name, type your PIN. On first start: create the administrator. */
export function SignIn({ locale, onLocale, onSignedIn }: Props) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<{ needsSetup: boolean; staff: Array<{ id: number; name: string }> } | null>(null)
  const [chosen, setChosen] = useState<number | null>(null)
  const [pin, setPin] = useState('')
  const [name, setName] = useState('')
  const [pin2, setPin2] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    setError(null)
    call('auth.status', {})
      .then((s) => {
        setStatus(s)
        if (s.locale) onLocale(s.locale)
        if (s.staff.length === 1) setChosen(s.staff[0]!.id)
      })
      .catch((err: unknown) => {
        setError(errorMessage(t, err))
        // A workstation whose host is away: try again until it answers.
        window.setTimeout(() => setAttempt((n) => n + 1), 3000)
      })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt])

  const submit = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    setFields({})
    try {
      if (status?.needsSetup) {
        if (pin !== pin2) {
          setFields({ pin2: t('auth.pinsDiffer') })
          return
        }
        onSignedIn(await call('auth.setup', { name, pin, locale }))
      } else if (chosen !== null) {
        onSignedIn(await call('auth.signIn', { staffId: chosen, pin }))
      }
    } catch (err) {
      setError(errorMessage(t, err))
      setFields(fieldErrors(t, err))
      setPin('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Center mih="100vh" bg="gray.1">
      <Paper shadow="md" p="xl" w={460} radius="md" withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void submit()
          }}
        >
          <Stack>
            <Group justify="space-between">
              <Title order={2}>{status?.needsSetup ? t('auth.setupTitle') : t('auth.whoIsAtCounter')}</Title>
              <LanguageSelect value={locale} onChange={onLocale} />
            </Group>
            {status?.needsSetup ? (
              <>
                <Text c="dimmed">{t('auth.setupHelp')}</Text>
                <TextInput label={t('auth.adminName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} required autoFocus />
                <PasswordInput label={t('auth.choosePin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} error={fields.pin} inputMode="numeric" required />
                <PasswordInput label={t('auth.confirmPin')} value={pin2} onChange={(e) => setPin2(e.currentTarget.value)} error={fields.pin2} inputMode="numeric" required />
                <Button type="submit" loading={busy} size="md">{t('auth.create')}</Button>
                <ConnectToHost onConnected={() => setAttempt((n) => n + 1)} />
              </>
            ) : (
              <>
                <Group gap="xs">
                  {status?.staff.map((s) => (
                    <UnstyledButton
                      key={s.id}
                      onClick={() => setChosen(s.id)}
                      aria-pressed={chosen === s.id}
                      px="md"
                      py="sm"
                      style={{
                        borderRadius: 8,
                        border: '2px solid',
                        borderColor: chosen === s.id ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-3)',
                        fontSize: 18
                      }}
                    >
                      {s.name}
                    </UnstyledButton>
                  ))}
                </Group>
                <PasswordInput label={t('auth.pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" disabled={chosen === null} autoFocus />
                <Button type="submit" loading={busy} disabled={chosen === null || pin.length < 4} size="md">{t('auth.signIn')}</Button>
              </>
            )}
            {error && <Text c="red" role="alert">{error}</Text>}
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
