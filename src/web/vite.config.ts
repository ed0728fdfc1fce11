// Builds the web app from src/web into dist/web; the local server and the cloud hosting serve that folder.
import react from '@vitejs/plugin-react';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputBundle } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));
const routerBuild = (file: string) =>
  fileURLToPath(new URL(`../../node_modules/react-router/dist/production/${file}`, import.meta.url));

/**
 * main.tsx imports the app (app/start.tsx) dynamically, so a courier's saved day can paint before the app's code
 * runs. This adds the app's chunks to index.html as modulepreloads, so they download beside the entry on a first
 * visit instead of after it.
 */
function preloadAppStart(): Plugin {
  // Only the app's own build: the benches' harness pages build with this configuration and a root of their own.
  let appBuild = false;
  return {
    name: 'courier:preload-app-start',
    apply: 'build',
    config(config) {
      appBuild = resolve(config.root ?? '.') === resolve(root);
      if (!appBuild) return;
      // The page (index.html, whose small entry paints a courier's saved day) and the app it then imports: an
      // entry of its own, so the app's libraries and shared code stay in a few files rather than one per module.
      return {
        build: {
          rolldownOptions: {
            input: { index: join(root, 'index.html'), start: join(root, 'app/start.tsx') },
          },
        },
      };
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle || !appBuild) return html;
        const chunks = new Map(
          Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])),
        );
        const start = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith('/app/start.tsx'));
        if (!start) throw new Error('preloadAppStart: no chunk for app/start.tsx in the build');
        const files: string[] = [];
        const add = (fileName: string) => {
          if (files.includes(fileName) || html.includes(`/${fileName}"`)) return;
          files.push(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) add(imported);
        };
        add(start.fileName);
        const preloads = files.map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` },
          injectTo: 'head' as const,
        }));
        return { html: inlineEntryStylesheet(html, bundle), tags: preloads };
      },
    },
  };
}

/**
 * The page's own stylesheet (styles.css, 5–6 kB gzip) goes into index.html as a <style> element: a stylesheet link
 * blocks the first frame until it arrives, one more round trip on a slow network (and through the service worker on
 * a repeat visit) before even the saved day can show. The policy allows inline styles (security-headers.ts); it
 * does not allow inline scripts, so the entry's script stays a file.
 */
function inlineEntryStylesheet(html: string, bundle: OutputBundle): string {
  const link = /<link rel="stylesheet" crossorigin href="\/(assets\/index-[\w-]+\.css)">/.exec(html);
  if (!link) throw new Error('inlineEntryStylesheet: index.html links no stylesheet of its own');
  const sheet = bundle[link[1]!];
  if (sheet?.type !== 'asset') throw new Error(`inlineEntryStylesheet: ${link[1]} is not in the build`);
  const css = typeof sheet.source === 'string' ? sheet.source : new TextDecoder().decode(sheet.source);
  if (/url\(|@import/.test(css)) throw new Error('inlineEntryStylesheet: the stylesheet refers to other files');
  return html.replace(link[0], () => `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`);
}

export default defineConfig({
  root,
  base: '/',
  resolve: {
    // Preact's React layer instead of React in the browser bundle (issue 10, the courier's cold first load on a
    // slow phone): 24 kB gzip for preact + compat + the router against 81 kB for react-dom + the router, and less
    // to parse and run before the day shows. The code and its types stay React 19's (Preact 11 has `use`).
    alias: [
      { find: /^react(-dom)?$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx(-dev)?-runtime$/, replacement: 'preact/jsx-runtime' },
      // React Router's package exports only its development build (dev-time warnings and checks: 74 ms of a
      // courier's cold start at 4x CPU slowdown, in a profile); the same release's production build, for the bundle.
      { find: /^react-router$/, replacement: routerBuild('index.mjs') },
      { find: /^react-router\/dom$/, replacement: routerBuild('dom-export.mjs') },
    ],
  },
  plugins: [
    react(),
    preloadAppStart(),
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
    // The admin's charts and PDF libraries and the sign-in page's Amplify UI are 420–490 kB chunks, each loaded only by
    // the pages that use it.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Libraries in their own long-cached chunks, so a release of the app re-downloads only the app.
        codeSplitting: {
          groups: [
            // What the page's entry runs before the app, in one file beside it: the saved-day painter and the token
            // reader it uses, a signed-in courier's first requests (app/courier-start.ts, sent while React and
            // Amplify download) with the operation documents they use, and Vite's preload helper. Shared with the
            // app, they would otherwise land in the app's chunk, which the entry would have to evaluate first; in
            // files of their own, each would wait its turn for one of the browser's six connections on a slow network
            // before the first request could go out. (Its priority puts them here before the 'app' group below.)
            {
              name: 'boot',
              test: /app[\\/](day-snapshot|courier-start)\.ts$|lib[\\/](token-claims|early-requests)\.ts$|core[\\/]business-calendar\.ts$|generated[\\/]graphql\.ts$|courier-day[\\/]api[\\/]day-request\.ts$|bookings[\\/]hooks[\\/]bookings-state\.ts$|vite[\\/]preload-helper/,
              priority: 30,
            },
            // Libraries the app's start needs (preact for React, see resolve.alias; the router; Amplify's auth), in
            // one file: on a slow phone network every file waits its turn for one of six connections. The rest, such
            // as Amplify UI for the sign-in page or Amplify's API client (lib/graphql-client.ts loads it on first
            // use), go with the lazy pages that import them, so a signed-in courier never waits for them.
            // (app/start.tsx is an entry of its own, see preloadAppStart, so its libraries count as initial.)
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 25 },
            // React's other modules, for lazy pages only. use-sync-external-store is React's own shim: left out, the
            // charts group (recharts uses it) captured it, and every page downloaded the charts because Amplify UI
            // imports it too.
            {
              name: 'react',
              test: /node_modules[\\/](preact|react|react-dom|scheduler|react-router|react-router-dom|use-sync-external-store)[\\/]/,
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
            // The small parts every signed-in workspace draws (the header's brand, status badges and timelines, the
            // live indicator), in one file that index.html preloads with the app's start: otherwise each is a file of
            // its own that a workspace fetches after the app has started, and a courier's phone on a slow network
            // waits for every one of them in turn for one of its six connections.
            {
              name: 'shared',
              test: /src[\\/]web[\\/](components[\\/](brand|icons|status-badge|status-timeline|live-indicator)\.tsx|lib[\\/](booking-status|booking-text|use-connection-state)\.ts)$|src[\\/]core[\\/]model\.ts$/,
            },
            // The app's own code the start needs, in one file rather than one per module it shares with a lazy page;
            // not the page's entry (the 'boot' group takes what it runs first).
            {
              name: 'app',
              test: /src[\\/](web|core)[\\/](?!main\.tsx)[^?]*\.tsx?$/,
              tags: ['$initial'],
            },
          ],
        },
      },
    },
  },
});
