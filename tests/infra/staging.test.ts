import { describeEnvironment } from './environment-suite';

// Template tests of the staging environment (the suite is shared with the other environments).
describeEnvironment('staging');
