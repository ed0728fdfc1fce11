import { describe, expect, it } from 'vitest';
import { TABLES } from '../data/tables';
import { loadLambdaConfig, requireWebAppUrl } from './lambda-config';

const tables = Object.fromEntries(Object.keys(TABLES).map((key) => [`TABLE_${key.toUpperCase()}`, `t-${key}`]));
const env = (extra: Record<string, string> = {}) => ({ AWS_REGION: 'us-east-1', ...tables, ...extra });

describe('the Lambda configuration of customer SMS', () => {
  it('reads the web app URL and the SMS sender settings', () => {
    // Act
    const config = loadLambdaConfig(
      env({
        WEB_APP_URL: 'https://d111111abcdef8.cloudfront.net',
        SMS_ORIGINATION_IDENTITY: 'pool-0123',
        SMS_CONFIGURATION_SET: 'courier-sms',
      }),
    );

    // Assess
    expect(requireWebAppUrl(config)).toBe('https://d111111abcdef8.cloudfront.net');
    expect(config.sms).toEqual({ originationIdentity: 'pool-0123', configurationSetName: 'courier-sms' });
  });

  it('refuses a web app URL that is not one, naming the variable', () => {
    expect(() => loadLambdaConfig(env({ WEB_APP_URL: 'd111111abcdef8.cloudfront.net' }))).toThrow(
      /WEB_APP_URL: WEB_APP_URL 'd111111abcdef8.cloudfront.net' is not an absolute URL/,
    );
  });

  it('says what to set when the web app URL is missing', () => {
    const config = loadLambdaConfig(env());
    expect(config.sms).toEqual({});
    expect(() => requireWebAppUrl(config)).toThrow(/WEB_APP_URL is missing\. Set it to the web app's public URL/);
  });
});

describe('loadLambdaConfig retention', () => {
  it("takes the environment's retention days for finished bookings and audit entries", () => {
    // Act
    const config = loadLambdaConfig(env({ BOOKING_RETENTION_DAYS: '90', AUDIT_RETENTION_DAYS: '30' }));

    // Assess
    expect(config.retention).toEqual({ bookingDays: 90, auditDays: 30 });
    expect(config.tables.bookings).toBe('t-bookings');
  });

  it('leaves retention to the defaults when unset, and refuses a non-positive number of days', () => {
    // Act / Assess
    expect(loadLambdaConfig(env()).retention).toBeUndefined();
    expect(() => loadLambdaConfig(env({ BOOKING_RETENTION_DAYS: '0' }))).toThrow(/BOOKING_RETENTION_DAYS/);
  });
});

describe('the Lambda configuration of admin notices', () => {
  it('takes the admins’ SNS topic, and leaves it out (outbox only) when unset', () => {
    // Act
    const config = loadLambdaConfig(env({ ADMIN_TOPIC_ARN: 'arn:aws:sns:us-east-1:111122223333:courier-dev-admins' }));

    // Assess
    expect(config.adminTopicArn).toBe('arn:aws:sns:us-east-1:111122223333:courier-dev-admins');
    expect(loadLambdaConfig(env()).adminTopicArn).toBeUndefined();
  });

  it('refuses a topic ARN that is not one, naming the variable', () => {
    expect(() =>
      loadLambdaConfig(env({ ADMIN_TOPIC_ARN: 'arn:aws:sqs:us-east-1:111122223333:courier-dev-admins' })),
    ).toThrow(/ADMIN_TOPIC_ARN: ADMIN_TOPIC_ARN must be an SNS topic ARN/);
  });
});

describe('the Lambda configuration of the sentiment port', () => {
  it('scores feedback with Comprehend when SENTIMENT_ANALYZER says so, the lexicon by default, and refuses others', () => {
    // Act / Assess
    expect(loadLambdaConfig(env({ SENTIMENT_ANALYZER: 'comprehend' })).sentiment).toBe('comprehend');
    expect(loadLambdaConfig(env()).sentiment).toBe('lexicon');
    expect(() => loadLambdaConfig(env({ SENTIMENT_ANALYZER: 'vader' }))).toThrow(
      /SENTIMENT_ANALYZER: SENTIMENT_ANALYZER must be lexicon or comprehend/,
    );
  });
});

describe('the Lambda configuration of the geocoder port', () => {
  it('places addresses with Amazon Location when GEOCODER says so, the gazetteer by default, and refuses others', () => {
    // Act / Assess
    expect(loadLambdaConfig(env({ GEOCODER: 'amazon-location' })).geocoder).toBe('amazon-location');
    expect(loadLambdaConfig(env()).geocoder).toBe('gazetteer');
    expect(() => loadLambdaConfig(env({ GEOCODER: 'google' }))).toThrow(
      /GEOCODER: GEOCODER must be gazetteer or amazon-location/,
    );
  });
});
