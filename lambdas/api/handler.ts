export { handler } from '../../src/api/lambda-handler';
