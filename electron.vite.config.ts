import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = { '@shared': resolve('src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rolldownOptions: {
        // web.ts is the browser-mode server: the same handlers without Electron.
        input: { index: resolve('src/main/index.ts'), web: resolve('src/main/web.ts') }
      }
    }
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // sandbox: true loads the preload as one CommonJS file that may require only 'electron'.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    resolve: { alias: { ...shared, '@renderer': resolve('src/renderer/src') } },
    plugins: [react()]
  }
})
