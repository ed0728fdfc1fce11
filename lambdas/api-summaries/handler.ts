export { handler } from '../../src/api/lambda-summaries-handler';
