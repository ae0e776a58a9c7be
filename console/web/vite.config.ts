import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The page is served by the console's Quarkus server from META-INF/resources. No inline script:
// the modulepreload polyfill is off (every supported browser has modulepreload) so that the
// Content-Security-Policy can say script-src 'self'.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../target/classes/META-INF/resources',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
