// Builds the web app from src/web into dist/web; the local server and the cloud hosting serve that folder.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    // The courier's app installs on a phone's home screen and opens with no network (Req 11, issue 10):
    // Workbox precaches the built app shell; the courier workspace registers the worker (admins never do).
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      includeAssets: ['icons/apple-touch-icon.png'],
      manifest: {
        id: '/today',
        name: 'Courier Voicebot — Courier',
        short_name: 'Courier',
        description: 'Your deliveries for the day, status updates with proof, your route and your performance.',
        start_url: '/today',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f8fafc',
        theme_color: '#0f172a',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        // The admin's heavy pages (charts, PDF) are not part of a courier's offline day.
        globIgnores: ['**/analytics-*.js', '**/charts-*.js', '**/reports-*.js', '**/pdf-*.js'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/graphql/, /^\/_local/, /^\/track\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            // The deployment's outputs: the last copy at once (the app starts without a round trip), refreshed
            // behind it for the next start. They change only when the backend's endpoints do.
            urlPattern: ({ url }) => url.pathname === '/amplify_outputs.json',
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'app-config' },
          },
        ],
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // Amplify's auth, API and real-time client is one ~420 kB (100 kB gzip) chunk that changes only on upgrades.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Libraries in their own long-cached chunks, so a release of the app re-downloads only the app.
        codeSplitting: {
          groups: [
            // use-sync-external-store is React's own shim: left out, the charts group (recharts uses it) captured it,
            // and every page downloaded the charts because Amplify UI imports it too.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|use-sync-external-store)[\\/]/,
            },
            // Maps only: kept out of the sign-in page's download.
            {
              name: 'leaflet',
              test: /node_modules[\\/](leaflet|react-leaflet|@react-leaflet|supercluster|kdbush)[\\/]/,
            },
            // Charts (analytics) and PDF (reports, summaries): only the pages that draw or export them load these;
            // without their own groups the catch-all below would put them in every page's download.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|@reduxjs|redux|react-redux|immer|reselect|es-toolkit|decimal\.js-light|internmap)[\\/]/,
            },
            { name: 'pdf', test: /node_modules[\\/](pdf-lib|@pdf-lib|pako)[\\/]/ },
            // Libraries the first page needs (Amplify's auth and API client); the rest, such as Amplify UI for the
            // sign-in page, go with the lazy pages that import them, so a signed-in courier never downloads them.
            { name: 'amplify', test: /node_modules[\\/]/, tags: ['$initial'] },
          ],
        },
      },
    },
  },
});
