import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  server: { port: 3000 },
  build: { target: 'es2022' },
  ssr: {
    // Native and WASM packages stay outside the server bundle and are loaded from node_modules.
    external: ['@electric-sql/pglite', '@prisma/schema-engine-wasm', '@node-rs/argon2', 'pino', 'pg'],
  },
  plugins: [tailwindcss(), remix(remixConfig), tsconfigPaths()],
})
