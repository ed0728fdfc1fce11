// The gateway's Comprehend through the product's own adapter (src/data/comprehend-sentiment.ts): the lexicon's
// label and score come back; AWS's validation errors on raw signed requests; an injected fault reaches the
// adapter in the shape it parses, and it falls back to the lexicon.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyzeSentiment, createLexiconSentimentAnalyzer } from '../../core/sentiment/lexicon-sentiment';
import { createComprehendSentimentAnalyzer, sentimentFromComprehend } from '../../data/comprehend-sentiment';
import { signedPostHeaders } from '../../data/signed-post';
import { LOCAL_CREDENTIALS } from '../dynamodb/local-dynamo';
import { createFaultInjection, type FaultInjection } from '../faults/fault-injection';
import { startGateway, type Gateway } from '../gateway';
import { createComprehendService, sentimentScoreOf } from './comprehend-service';

const REGION = 'us-west-2';
const TEXTS = [
  'The courier was fantastic, friendly and right on time!',
  'Late again and the parcel was damaged. Terrible.',
  'The parcel arrived.',
  'The driver was friendly and helpful. The parcel was damaged and late.',
  'not bad at all',
];

describe('local Comprehend DetectSentiment', () => {
  let gateway: Gateway;
  let faults: FaultInjection;
  const warnings: string[] = [];
  const analyzer = () =>
    createComprehendSentimentAnalyzer({
      endpoint: gateway.url,
      region: REGION,
      credentials: LOCAL_CREDENTIALS,
      fallback: createLexiconSentimentAnalyzer(),
      log: { warn: (message, detail) => warnings.push(`${message} ${JSON.stringify(detail)}`) },
    });
  /** A raw DetectSentiment (or other target) signed as `service`, for the errors the adapter hides. */
  async function call(body: unknown, target = 'Comprehend_20171127.DetectSentiment', service = 'comprehend') {
    const signer = new SignatureV4({ service, region: REGION, credentials: LOCAL_CREDENTIALS, sha256: Sha256 });
    const url = new URL(`${gateway.url}/`);
    const text = JSON.stringify(body);
    const headers = await signedPostHeaders(
      signer,
      url,
      { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      text,
    );
    const response = await fetch(url, { method: 'POST', headers, body: text });
    return {
      status: response.status,
      type: response.headers.get('x-amzn-errortype'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  beforeAll(async () => {
    faults = createFaultInjection();
    gateway = await startGateway({ port: 0, services: [createComprehendService()], faults });
  });
  afterAll(async () => {
    await gateway.close();
  });
  beforeEach(() => {
    faults.clear();
    warnings.length = 0;
  });

  it("gives the adapter the lexicon's own label and score for each text", async () => {
    // Act
    const results = await Promise.all(TEXTS.map((text) => analyzer().analyze(text)));

    // Assess
    expect(warnings).toEqual([]);
    expect(results).toEqual(
      TEXTS.map((text) => ({ label: analyzeSentiment(text).label, score: analyzeSentiment(text).score })),
    );
    expect(new Set(results.map((r) => r.label))).toEqual(new Set(['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'MIXED']));
  });

  it('answers confidences that sum to 1, Mixed for a mixed text and Neutral otherwise', async () => {
    // Act
    const mixed = await call({ Text: TEXTS[3], LanguageCode: 'en' });
    const negative = await call({ Text: TEXTS[1], LanguageCode: 'en' });

    // Assess
    for (const { status, body } of [mixed, negative]) {
      expect(status).toBe(200);
      const score = body.SentimentScore as Record<string, number>;
      expect(score.Positive! + score.Negative! + score.Neutral! + score.Mixed!).toBeCloseTo(1, 9);
      expect(sentimentFromComprehend(body)).toEqual({
        label: body.Sentiment,
        score: score.Positive! - score.Negative!,
      });
    }
    expect(mixed.body.Sentiment).toBe('MIXED');
    expect((mixed.body.SentimentScore as Record<string, number>).Neutral).toBe(0);
    expect((negative.body.SentimentScore as Record<string, number>).Mixed).toBe(0);
    expect(sentimentScoreOf({ label: 'NEUTRAL', score: 0 })).toEqual({
      Positive: 0,
      Negative: 0,
      Neutral: 1,
      Mixed: 0,
    });
  });

  it('validates as AWS does, naming the field', async () => {
    // Act
    const noText = await call({ LanguageCode: 'en' });
    const empty = await call({ Text: '', LanguageCode: 'en' });
    const tooLong = await call({ Text: 'é'.repeat(2501), LanguageCode: 'en' });
    const justFits = await call({ Text: 'é'.repeat(2500), LanguageCode: 'en' });
    const noLanguage = await call({ Text: 'fine' });
    const badLanguage = await call({ Text: 'fine', LanguageCode: 'klingon' });
    const spanish = await call({ Text: 'muy bien', LanguageCode: 'es' });
    const unknown = await call({ Text: 'fine', LanguageCode: 'en' }, 'Comprehend_20171127.DetectEntities');
    const wrongService = await call({ Text: 'fine', LanguageCode: 'en' }, undefined, 'dynamodb');

    // Assess
    expect([noText.status, noText.type, noText.body.Message]).toEqual([
      400,
      'ValidationException',
      expect.stringContaining("'text'"),
    ]);
    expect([empty.type, empty.body.Message]).toEqual([
      'ValidationException',
      expect.stringContaining('length greater than or equal to 1'),
    ]);
    expect([tooLong.status, tooLong.body.__type, tooLong.body.Message]).toEqual([
      400,
      'TextSizeLimitExceededException',
      expect.stringContaining('5002 bytes'),
    ]);
    expect(justFits.status).toBe(200);
    expect([noLanguage.type, noLanguage.body.Message]).toEqual([
      'ValidationException',
      expect.stringContaining("'languageCode'"),
    ]);
    expect([badLanguage.type, badLanguage.body.Message]).toEqual([
      'ValidationException',
      expect.stringContaining('enum value set'),
    ]);
    expect([spanish.status, spanish.type, spanish.body.Message]).toEqual([
      400,
      'UnsupportedLanguageException',
      expect.stringContaining('English (en) only'),
    ]);
    expect([unknown.status, unknown.type, unknown.body.Message]).toEqual([
      400,
      'UnknownOperationException',
      expect.stringContaining('DetectEntities'),
    ]);
    expect([wrongService.status, wrongService.type]).toEqual([403, 'InvalidSignatureException']);
  });

  it('a fault on comprehend reaches the adapter as the error it parses, and it scores with the lexicon instead', async () => {
    // Prepare
    faults.arm({ service: 'comprehend', operation: 'DetectSentiment', code: 'ThrottlingException', forSeconds: 60 });

    // Act
    const result = await analyzer().analyze(TEXTS[0]!);
    const raw = await call({ Text: TEXTS[0], LanguageCode: 'en' });

    // Assess
    expect(result).toEqual({ label: 'POSITIVE', score: analyzeSentiment(TEXTS[0]!).score });
    expect(warnings).toEqual([
      expect.stringContaining('Comprehend DetectSentiment failed (400 ThrottlingException): Injected'),
    ]);
    expect([raw.status, raw.type, raw.body.__type]).toEqual([400, 'ThrottlingException', 'ThrottlingException']);
    expect(faults.list()[0]?.affected).toBe(2);
  });
});
