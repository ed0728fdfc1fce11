export { handler } from '../../src/integrity/corruption-detector-lambda';
