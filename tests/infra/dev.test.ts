import { describeEnvironment } from './environment-suite';

// Template tests of the dev environment (the suite is shared with the other environments).
describeEnvironment('dev');
