// Installs the courier app's service worker (built by vite-plugin-pwa / Workbox): the app shell is then
// served from the phone, so the courier's day opens with no network. Updates apply on the next start.
import { registerSW } from 'virtual:pwa-register';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({
    immediate: true,
    onRegisterError: (error: unknown) => console.warn('The offline app could not be installed:', error),
  });
}
