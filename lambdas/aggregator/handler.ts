export { handler } from '../../src/api/rollup-aggregator-lambda';
