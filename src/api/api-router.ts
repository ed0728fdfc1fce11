// The fields the api function answers: every field but the voicebot's (the wizard, Lex's analytics of the bot) and
// the executive summaries', which have functions of their own (lambdas/api-voicebot, lambdas/api-summaries) so that
// this one, on every screen's path, loads no Connect, Lex, Lambda or IAM client and no PDF library (issue 14: its
// cold start).
import { Router } from './router';
import { bookingsRouter } from './fields/bookings';
import { couriersRouter } from './fields/couriers';
import { dashboardRouter } from './fields/dashboard';
import { feedbackRouter } from './fields/feedback';
import { liveRouter } from './fields/live';
import { partnersRouter } from './fields/partners';
import { proofsRouter } from './fields/proofs';
import { settingsRouter } from './fields/settings';
import { analyticsRouter } from './fields/analytics';
import { alertsRouter } from './fields/alerts';
import { courierPerformanceRouter } from './fields/courier-performance';
import { messagesRouter } from './fields/messages';
import { deliverySequenceRouter } from './fields/delivery-sequence';

export const apiRouter = new Router().includeRouter([
  bookingsRouter,
  feedbackRouter,
  couriersRouter,
  liveRouter,
  dashboardRouter,
  partnersRouter,
  proofsRouter,
  settingsRouter,
  analyticsRouter,
  alertsRouter,
  courierPerformanceRouter,
  messagesRouter,
  deliverySequenceRouter,
]);
