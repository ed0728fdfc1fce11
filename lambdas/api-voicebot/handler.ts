export { handler } from '../../src/api/lambda-voicebot-handler';
