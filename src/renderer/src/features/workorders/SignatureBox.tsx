import { Button, Group, Paper, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import SignaturePad from 'signature_pad'

/** A box the customer signs in with finger, pen or mouse; hands back a PNG data URL (or null when empty). */
export function SignatureBox({ onChange, label, testId }: { onChange(dataUrl: string | null): void; label: string; testId?: string }) {
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const pad = useRef<SignaturePad | null>(null)
  const changed = useRef(onChange)
  changed.current = onChange
  useEffect(() => {
    const c = canvas.current
    if (!c) return
    const ratio = Math.max(window.devicePixelRatio || 1, 1)
    c.width = c.offsetWidth * ratio
    c.height = c.offsetHeight * ratio
    c.getContext('2d')?.scale(ratio, ratio)
    const p = new SignaturePad(c, { minWidth: 1, maxWidth: 2.6, penColor: '#000' })
    p.addEventListener('endStroke', () => changed.current(p.isEmpty() ? null : p.toDataURL('image/png')))
    pad.current = p
    return () => p.off()
  }, [])
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={500}>{label}</Text>
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => {
            pad.current?.clear()
            onChange(null)
          }}
        >
          {t('workorders.clear')}
        </Button>
      </Group>
      <Paper withBorder radius="sm" style={{ background: '#fff' }}>
        <canvas ref={canvas} data-testid={testId} aria-label={t('workorders.signHere')} style={{ width: '100%', height: 140, display: 'block', touchAction: 'none' }} />
      </Paper>
      <Text size="xs" c="dimmed">{t('workorders.signHere')}</Text>
    </div>
  )
}
