import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'

/** Pick a customer on file by name, phone or plate. */
export function CustomerPicker({ value, onChange, label, required }: { value: number | null; onChange(id: number | null): void; label: string; required?: boolean }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 200)
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([])
  useEffect(() => {
    let live = true
    call('customers.search', { query: debounced, limit: 20 })
      .then((r) => {
        if (!live) return
        const found = r.items.map((c) => ({ value: String(c.id), label: `${c.name} · ${c.phone}${c.plates.length ? ` · ${c.plates.join(' ')}` : ''}` }))
        // Keep the chosen customer in the list while the user types something else.
        setOptions((prev) => {
          const chosen = prev.find((o) => o.value === String(value))
          return chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found
        })
      })
      .catch(() => live && setOptions([]))
    return () => {
      live = false
    }
  }, [debounced, value])
  return (
    <Select
      label={label}
      placeholder={t('followup.call.pickCustomer')}
      searchable
      clearable
      required={required ?? false}
      filter={({ options: o }) => o}
      data={options}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      onSearchChange={setSearch}
      nothingFoundMessage={t('customers.noResults', { query: search })}
    />
  )
}
