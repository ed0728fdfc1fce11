export { handler } from '../../src/provisioning/lambda-handler';
