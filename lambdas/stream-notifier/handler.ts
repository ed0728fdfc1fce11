export { handler } from '../../src/api/stream-notifier';
