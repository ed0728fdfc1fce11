// Installs the courier app's service worker (built by vite-plugin-pwa / Workbox): the app shell is then
// served from the phone, so the courier's day opens with no network. Updates apply on the next start.
import { registerSW } from 'virtual:pwa-register';
import { AMPLIFY_OUTPUTS_PATH } from '../lib/amplify-config';

/**
 * The first load ran before the worker controlled the page, so the deployment's outputs are not in its cache:
 * fetched once more through the worker, the next start (and one with no network) reads them from the phone.
 */
function cacheOutputs(): void {
  const fetchOnce = () => void fetch(AMPLIFY_OUTPUTS_PATH).catch(() => undefined);
  if (navigator.serviceWorker.controller) fetchOnce();
  else navigator.serviceWorker.addEventListener('controllerchange', fetchOnce, { once: true });
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({
    immediate: true,
    onOfflineReady: cacheOutputs,
    onRegisterError: (error: unknown) => console.warn('The offline app could not be installed:', error),
  });
}
