import { ActionIcon, Group, Image, Modal, Tooltip } from '@mantine/core'
import { IconCamera } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkOrder } from '../../../../shared/contract/workorders'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import type { Run } from './OrderDetail'

const readFile = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(String(r.result))
    r.onerror = () => reject(r.error)
    r.readAsDataURL(file)
  })

/**
 * A phone photo is scaled to at most 1600 px and saved as JPEG before it is sent: a few hundred KB
 * instead of several MB, small enough for a LAN workstation's request and the data folder.
 */
async function shrink(file: File): Promise<string> {
  const original = await readFile(file)
  const img = new window.Image()
  img.src = original
  await img.decode()
  const scale = Math.min(1, 1600 / Math.max(img.naturalWidth, img.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) return original
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/jpeg', 0.85)
}

function Thumb({ id, onOpen }: { id: number; onOpen(url: string): void }) {
  const { t } = useTranslation()
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    call('workorders.photos.get', { id }).then((r) => setUrl(r.dataUrl)).catch((err: unknown) => showError(t, err))
  }, [id, t])
  if (!url) return null
  return <Image src={url} h={40} w={56} fit="cover" radius="sm" style={{ cursor: 'zoom-in' }} onClick={() => onOpen(url)} alt="" />
}

/** The photos of one thing on the order (the check-in, a damage, an inspection item), and a button to add one from a file. */
export function Photos({ o, subject, subjectId, run }: { o: WorkOrder; subject: 'checkin' | 'damage' | 'inspection'; subjectId: number | null; run: Run }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<string | null>(null)
  const mine = o.photos.filter((p) => p.subject === subject && p.subjectId === subjectId)
  const add = async (file: File | undefined): Promise<void> => {
    if (!file) return
    const dataUrl = await shrink(file)
    await run(async () => {
      await call('workorders.photos.add', { workOrderId: o.id, subject, subjectId, dataUrl })
      return call('workorders.get', { id: o.id })
    })
  }
  return (
    <Group gap={4} wrap="nowrap">
      {mine.map((p) => (
        <Thumb key={p.id} id={p.id} onOpen={setOpen} />
      ))}
      <Tooltip label={t('workorders.addPhoto')}>
        <ActionIcon component="label" variant="light" size="lg" aria-label={t('workorders.addPhoto')}>
          <IconCamera size={18} />
          <input type="file" accept="image/jpeg,image/png,image/webp" hidden onChange={(e) => void add(e.currentTarget.files?.[0])} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={open !== null} onClose={() => setOpen(null)} size="xl" title={t('workorders.photos')}>
        {open && <Image src={open} alt="" />}
      </Modal>
    </Group>
  )
}
