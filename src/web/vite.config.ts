// Builds the web app from src/web into dist/web; the local server and the cloud hosting serve that folder.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // Amplify (auth, real-time, the Authenticator) is one ~720 kB (190 kB gzip) chunk that changes only on upgrades.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Libraries in their own long-cached chunks, so a release of the app re-downloads only the app.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
            // Maps only: kept out of the sign-in page's download.
            {
              name: 'leaflet',
              test: /node_modules[\\/](leaflet|react-leaflet|@react-leaflet|supercluster|kdbush)[\\/]/,
            },
            { name: 'amplify', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
