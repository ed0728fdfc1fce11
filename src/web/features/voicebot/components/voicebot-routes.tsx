// The voicebot pages under /voicebot, as one lazily loaded unit of the admin app.
import { Navigate, Route, Routes } from 'react-router-dom';
import { DeploymentPage } from './deployment-page';
import { ResponsesPage } from './responses-page';
import { SetupWizard } from './setup-wizard';
import { TestCallPage } from './test-call-page';
import { VoicebotPage } from './voicebot-page';

export function VoicebotRoutes() {
  return (
    <Routes>
      <Route index element={<VoicebotPage />} />
      <Route path="setup" element={<SetupWizard />} />
      <Route path="deployments/:id" element={<DeploymentPage />} />
      <Route path="responses" element={<ResponsesPage />} />
      <Route path="test-call" element={<TestCallPage />} />
      <Route path="*" element={<Navigate to="/voicebot" replace />} />
    </Routes>
  );
}
