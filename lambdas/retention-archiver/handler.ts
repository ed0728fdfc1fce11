export { handler } from '../../src/retention/retention-archiver-lambda';
