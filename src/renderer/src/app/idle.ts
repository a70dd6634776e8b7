import { useEffect, useRef } from 'react'

const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

/** Calls `onIdle` once nobody has touched the app for `minutes` while `active`. */
export function useIdleLock(active: boolean, minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle)
  onIdleRef.current = onIdle
  useEffect(() => {
    if (!active) return
    let last = Date.now()
    const touch = (): void => {
      last = Date.now()
    }
    for (const e of EVENTS) window.addEventListener(e, touch, { passive: true })
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) onIdleRef.current()
    }, 5_000)
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, touch)
      window.clearInterval(timer)
    }
  }, [active, minutes])
}
