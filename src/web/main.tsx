// Entry point: load the configuration, then render the app, or say plainly why it cannot start.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { StartupFailure } from './app/startup-failure';
import { appSettings, configureAmplify } from './lib/amplify-config';
import { CompanyCalendarProvider } from './lib/company-calendar';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

configureAmplify().then(
  () =>
    root.render(
      <StrictMode>
        <CompanyCalendarProvider timeZone={appSettings().companyTimeZone}>
          <App />
        </CompanyCalendarProvider>
      </StrictMode>,
    ),
  (error: unknown) => root.render(<StartupFailure error={error} />),
);
