export { handler } from '../../src/notifications/text-resender-lambda';
