import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The page is served by the console's Quarkus server from META-INF/resources. No inline script:
// the modulepreload polyfill is off (every supported browser has modulepreload) so that the
// Content-Security-Policy can say script-src 'self'.
// Two pages: the console (index.html, behind the sign-in) and the client's approval page (approve.html, without an
// account), whose script and style go to approve/ so that the console opens exactly those to visitors without a
// session (its src/approve/ imports nothing of the console's, so no shared chunk lands in assets/).
const ofApprovePage = (names: string[]) => names.some((name) => name.startsWith('approve'));
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../target/classes/META-INF/resources',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      input: { index: 'index.html', approve: 'approve.html' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'approve' ? 'approve/[name]-[hash].js' : 'assets/[name]-[hash].js'),
        assetFileNames: (asset) => (ofApprovePage(asset.names ?? []) ? 'approve/[name]-[hash][extname]' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
});
