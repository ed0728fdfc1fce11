// Every field the GraphQL API answers, in one router.
import { Router } from './router';
import { bookingsRouter } from './fields/bookings';
import { couriersRouter } from './fields/couriers';
import { dashboardRouter } from './fields/dashboard';
import { feedbackRouter } from './fields/feedback';
import { liveRouter } from './fields/live';
import { partnersRouter } from './fields/partners';
import { proofsRouter } from './fields/proofs';
import { voicebotRouter } from './fields/voicebot';
import { settingsRouter } from './fields/settings';
import { analyticsRouter } from './fields/analytics';
import { alertsRouter } from './fields/alerts';
import { summariesRouter } from './fields/summaries';
import { courierPerformanceRouter } from './fields/courier-performance';
import { messagesRouter } from './fields/messages';
import { deliverySequenceRouter } from './fields/delivery-sequence';

export const appRouter = new Router().includeRouter([
  bookingsRouter,
  feedbackRouter,
  couriersRouter,
  liveRouter,
  dashboardRouter,
  partnersRouter,
  voicebotRouter,
  proofsRouter,
  settingsRouter,
  analyticsRouter,
  alertsRouter,
  summariesRouter,
  courierPerformanceRouter,
  messagesRouter,
  deliverySequenceRouter,
]);
