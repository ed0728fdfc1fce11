import { describeEnvironment } from './environment-suite';

// Template tests of the prod environment (the suite is shared with the other environments).
describeEnvironment('prod');
