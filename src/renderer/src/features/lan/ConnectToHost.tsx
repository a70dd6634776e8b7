import { Button, Divider, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage, fieldErrors } from '../../lib/errors'

/** On a new PC's first screen: find a host on the network (or type its address) and pair with its code. */
export function ConnectToHost({ onConnected }: { onConnected(): void }) {
  const { t } = useTranslation()
  const [hosts, setHosts] = useState<Array<{ name: string; url: string }> | null>(null)
  const [hostUrl, setHostUrl] = useState('')
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    call('lan.discover', {}).then(setHosts).catch(() => setHosts([]))
  }, [])
  const connect = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    setFields({})
    try {
      await call('lan.connect', { hostUrl, code })
      onConnected()
    } catch (err) {
      setError(errorMessage(t, err))
      setFields(fieldErrors(t, err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack gap="xs">
      <Divider label={t('lan.connectTitle')} labelPosition="left" />
      <Text size="sm" c="dimmed">{t('lan.connectHelp')}</Text>
      <Text size="sm" fw={500}>{t('lan.found')}</Text>
      {hosts === null && <Text size="sm" c="dimmed">{t('lan.searching')}</Text>}
      {hosts?.length === 0 && <Text size="sm" c="dimmed">{t('lan.noneFound')}</Text>}
      <Group gap="xs">
        {hosts?.map((h) => (
          <UnstyledButton key={h.url} onClick={() => setHostUrl(h.url)} px="sm" py={4} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}>
            {h.name} · {h.url}
          </UnstyledButton>
        ))}
      </Group>
      <TextInput label={t('lan.hostAddress')} value={hostUrl} onChange={(e) => setHostUrl(e.currentTarget.value)} error={fields.hostUrl} />
      <TextInput label={t('lan.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={fields.code} inputMode="numeric" maxLength={6} />
      <Button variant="light" onClick={() => void connect()} loading={busy} disabled={!hostUrl || code.length !== 6}>{t('lan.connect')}</Button>
      {error && <Text c="red" size="sm" role="alert">{error}</Text>}
    </Stack>
  )
}
