// Every conversation script, in the order the runners play them.
import type { ConversationScript } from '../script-format';
import { BOOKING_SCRIPTS } from './booking';
import { FEEDBACK_SCRIPTS } from './feedback';
import { GENERAL_SCRIPTS } from './general';
import { TRACKING_SCRIPTS } from './tracking';

export const ALL_SCRIPTS: ConversationScript[] = [
  ...BOOKING_SCRIPTS,
  ...TRACKING_SCRIPTS,
  ...FEEDBACK_SCRIPTS,
  ...GENERAL_SCRIPTS,
];
