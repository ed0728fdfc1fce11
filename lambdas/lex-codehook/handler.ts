export { handler } from '../../src/voice/lambda-handler';
