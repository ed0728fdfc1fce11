export { handler } from '../../src/api/partner-authorizer-lambda';
