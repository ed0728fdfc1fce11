import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLexiconSentimentAnalyzer } from '../core/sentiment/lexicon-sentiment';
import {
  COMPREHEND_MAX_BYTES,
  createComprehendSentimentAnalyzer,
  sentimentFromComprehend,
  truncateUtf8,
} from './comprehend-sentiment';

/** Amazon Comprehend as DetectSentiment reaches it in us-east-1: a JSON 1.1 POST, signed for `comprehend`. */
const ENDPOINT = 'https://comprehend.us-east-1.amazonaws.com/';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Seen = {
  auth: string | null;
  target: string | null;
  contentType: string | null;
  body: { Text: string; LanguageCode: string };
};

/** Answers DetectSentiment as Comprehend does (a fixed answer, or its JSON error). */
function emulateComprehend(answer: object | { status: number; type: string; message: string }) {
  const seen: Seen[] = [];
  server.use(
    http.post(ENDPOINT, async ({ request }) => {
      seen.push({
        auth: request.headers.get('authorization'),
        target: request.headers.get('x-amz-target'),
        contentType: request.headers.get('content-type'),
        body: (await request.json()) as Seen['body'],
      });
      if ('status' in answer && 'type' in answer)
        return HttpResponse.json(
          { __type: `com.amazonaws.comprehend#${answer.type}`, message: answer.message },
          { status: answer.status, headers: { 'content-type': 'application/x-amz-json-1.1' } },
        );
      return HttpResponse.json(answer, { headers: { 'content-type': 'application/x-amz-json-1.1' } });
    }),
  );
  return seen;
}

function analyzer(warned: unknown[][] = []) {
  return createComprehendSentimentAnalyzer({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    fallback: createLexiconSentimentAnalyzer(),
    log: { warn: (...args) => warned.push(args) },
  });
}

describe('createComprehendSentimentAnalyzer', () => {
  it("scores a feedback text with Comprehend's DetectSentiment, signed, in the port's terms", async () => {
    // Prepare
    const seen = emulateComprehend({
      Sentiment: 'NEGATIVE',
      SentimentScore: { Positive: 0.02, Negative: 0.95, Neutral: 0.02, Mixed: 0.01 },
    });

    // Act
    const sentiment = await analyzer().analyze('  The parcel came two days late and soaked.  ');

    // Assess
    expect(sentiment).toEqual({ label: 'NEGATIVE', score: -0.93 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.target).toBe('Comprehend_20171127.DetectSentiment');
    expect(seen[0]!.contentType).toBe('application/x-amz-json-1.1');
    expect(seen[0]!.auth).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/comprehend\/aws4_request/,
    );
    expect(seen[0]!.body).toEqual({ Text: 'The parcel came two days late and soaked.', LanguageCode: 'en' });
  });

  it('falls back to the lexicon when Comprehend refuses, logging why, and never throws', async () => {
    // Prepare
    emulateComprehend({ status: 400, type: 'AccessDeniedException', message: 'not authorized to DetectSentiment' });
    const warned: unknown[][] = [];
    const text = 'Great courier, very friendly and quick!';

    // Act
    const sentiment = await analyzer(warned).analyze(text);

    // Assess
    expect(sentiment).toEqual(await createLexiconSentimentAnalyzer().analyze(text));
    expect(sentiment.label).toBe('POSITIVE');
    expect(warned).toEqual([
      [
        'Comprehend sentiment unavailable; scored by the lexicon instead',
        {
          error: {
            name: 'Error',
            message: 'Comprehend DetectSentiment failed (400 AccessDeniedException): not authorized to DetectSentiment',
          },
        },
      ],
    ]);
  });

  it('asks nothing of Comprehend for an empty text, and sends at most its 5,000 bytes, cut between characters', async () => {
    // Prepare
    const seen = emulateComprehend({ Sentiment: 'MIXED', SentimentScore: { Positive: 0.4, Negative: 0.35 } });
    const long = 'é'.repeat(3000); // 6,000 bytes

    // Act
    const empty = await analyzer().analyze('   ');
    const mixed = await analyzer().analyze(long);

    // Assess
    expect(empty).toEqual({ label: 'NEUTRAL', score: 0 });
    expect(mixed).toEqual({ label: 'MIXED', score: 0.05 });
    expect(seen).toHaveLength(1);
    expect(new TextEncoder().encode(seen[0]!.body.Text).length).toBe(COMPREHEND_MAX_BYTES);
  });

  it('reads only the labels the port knows', () => {
    // Act / Assess
    expect(
      sentimentFromComprehend({ Sentiment: 'POSITIVE', SentimentScore: { Positive: 0.9, Negative: 0.05 } }),
    ).toEqual({ label: 'POSITIVE', score: 0.85 });
    expect(() => sentimentFromComprehend({})).toThrow(/no known sentiment/);
    expect(truncateUtf8('ab😀c', 5)).toBe('ab');
    expect(truncateUtf8('short', 5000)).toBe('short');
  });
});

describe('createComprehendSentimentAnalyzer behind a circuit breaker', () => {
  it('stops calling a failing Comprehend once the breaker opens, scoring every text by the lexicon meanwhile', async () => {
    // Prepare
    const { createBreaker } = await import('./dependency-breaker');
    const seen = emulateComprehend({ status: 500, type: 'InternalServerException', message: 'Service unavailable' });
    const breaker = createBreaker({
      name: 'Sentiment (Amazon Comprehend)',
      fallback: 'Scored by the lexicon',
      timeoutMs: 2_000,
      failuresToOpen: 3,
      clock: { now: () => new Date() },
      log: { warn: () => {}, info: () => {} },
    });
    const sentiment = createComprehendSentimentAnalyzer({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      fallback: createLexiconSentimentAnalyzer(),
      log: { warn: () => {} },
      breaker,
    });

    // Act
    const scores = [];
    for (let i = 0; i < 6; i++)
      scores.push(await sentiment.analyze('Terrible, the parcel was lost and nobody called.'));

    // Assess: three calls reached Comprehend, then the open breaker kept the other three from it.
    expect(seen).toHaveLength(3);
    expect(breaker.status().state).toBe('OPEN');
    expect(scores.every((s) => s.label === 'NEGATIVE')).toBe(true);
  });
});
