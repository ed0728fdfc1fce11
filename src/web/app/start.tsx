// The app proper: load the configuration, then render the app, or say plainly why it cannot start.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { StartupFailure } from './startup-failure';
import { appSettings, configureAmplify } from '../lib/amplify-config';
import { fetchWithEarlyOutputs } from '../lib/early-requests';
import { CompanyCalendarProvider } from '../lib/company-calendar';
import { dismissSavedDay } from './day-snapshot';

export function startApp(container: HTMLElement): void {
  const root = createRoot(container);
  // The outputs the page's entry fetched for a courier's early requests (app/courier-start.ts), if it did.
  configureAmplify(fetchWithEarlyOutputs()).then(
    () =>
      root.render(
        <StrictMode>
          <CompanyCalendarProvider timeZone={appSettings().companyTimeZone}>
            <App />
          </CompanyCalendarProvider>
        </StrictMode>,
      ),
    (error: unknown) => {
      dismissSavedDay();
      root.render(<StartupFailure error={error} />);
    },
  );
}
