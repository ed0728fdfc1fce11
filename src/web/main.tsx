// Entry point, kept small: a courier's saved day is painted first (app/day-snapshot.ts), then the app's code
// runs. index.html preloads that code beside this entry, so a first visit waits no longer for it.
import './styles.css';
import { dismissSavedDay, showSavedDay, signedInUser } from './app/day-snapshot';

// A courier's first API round trip goes out as soon as its module is in (index.html preloads it with the app's
// code, which uses it too), beside the download of React and Amplify (app/courier-start.ts).
if (signedInUser(localStorage)?.groups.includes('courier')) {
  import('./app/courier-start').then((early) => early.startCourierRequests()).catch(() => undefined);
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

let started = false;
function start(): void {
  if (started) return;
  started = true;
  // A courier's workspace downloads beside the app rather than after the app has asked who this is.
  if (signedInUser(localStorage)?.groups.includes('courier')) {
    import('./app/routes/courier-app').catch(() => undefined);
  }
  import('./app/start').then(
    (app) => app.startApp(container!),
    (error: unknown) => {
      // The app's code did not load (a release replaced it, or the network dropped): say so, never a blank page.
      dismissSavedDay();
      const notice = document.createElement('p');
      notice.className = 'notice notice--error';
      notice.setAttribute('role', 'alert');
      notice.dataset.testid = 'startup-failure';
      notice.textContent = `The app could not start (${error instanceof Error ? error.message : String(error)}). Reload the page; if that does not help, tell your administrator.`;
      container!.replaceChildren(notice);
    },
  );
}

if (showSavedDay()) {
  // One frame for the saved day to reach the screen before the app's code takes the main thread (a hidden page
  // gets no frames: the timer starts it anyway).
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 100);
} else {
  start();
}
