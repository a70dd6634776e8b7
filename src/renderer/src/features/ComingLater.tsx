import { Alert, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRoute } from '../lib/router'

export function ComingLater() {
  const { t } = useTranslation()
  const [key] = useRoute()
  return (
    <>
      <Title order={2} mb="md">{t(`nav.${key ?? 'board'}`)}</Title>
      <Alert color="gray">{t('common.comingLater')}</Alert>
    </>
  )
}
