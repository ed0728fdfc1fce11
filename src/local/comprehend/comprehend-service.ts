// The gateway's Amazon Comprehend: DetectSentiment (awsJson1_1, X-Amz-Target Comprehend_20171127.*), validated
// as AWS validates it and scored by the lexicon analyser — the same one the product falls back to — so the
// cloud's sentiment path (src/data/comprehend-sentiment.ts) runs locally, and its faults can be injected.
// Only English is scored: any other language Comprehend supports is refused with UnsupportedLanguageException.
import type { Sentiment } from '../../core/model';
import { analyzeSentiment } from '../../core/sentiment/lexicon-sentiment';
import { AwsJsonError, signedJsonBody, targetOperation, writeAwsJson, writeAwsJsonError } from '../aws-json';
import type { GatewayService } from '../gateway-service';

export const COMPREHEND_TARGET = 'Comprehend_20171127';
/** DetectSentiment's limit on Text, in bytes of UTF-8. */
export const MAX_TEXT_BYTES = 5000;
/** DetectSentiment's LanguageCode values. */
export const SENTIMENT_LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ar', 'hi', 'ja', 'ko', 'zh', 'zh-TW'];

export type SentimentScore = { Positive: number; Negative: number; Neutral: number; Mixed: number };
export type DetectSentimentResult = { Sentiment: Sentiment['label']; SentimentScore: SentimentScore };

const validation = (message: string) =>
  new AwsJsonError('ValidationException', 400, `1 validation error detected: ${message}`);

/**
 * The lexicon's label and score as Comprehend's confidences: the score's positive part is Positive, its
 * negative part Negative, the rest Mixed for a mixed text and Neutral otherwise (they sum to 1), so
 * Positive − Negative gives the lexicon's score back.
 */
export function sentimentScoreOf({ label, score }: Sentiment): SentimentScore {
  const positive = Math.max(score, 0);
  const negative = Math.max(-score, 0);
  const rest = Math.round((1 - positive - negative) * 1000) / 1000;
  return {
    Positive: positive,
    Negative: negative,
    Neutral: label === 'MIXED' ? 0 : rest,
    Mixed: label === 'MIXED' ? rest : 0,
  };
}

/** DetectSentiment's answer to a request body, or the AwsJsonError AWS would answer with. */
export function detectSentiment(body: Record<string, unknown>): DetectSentimentResult {
  const { Text: text, LanguageCode: language } = body;
  if (text === undefined || text === null)
    throw validation("Value null at 'text' failed to satisfy constraint: Member must not be null");
  if (typeof text !== 'string') throw new AwsJsonError('SerializationException', 400, 'Text must be a string.');
  if (text.length === 0)
    throw validation(
      "Value '' at 'text' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_TEXT_BYTES)
    throw new AwsJsonError(
      'TextSizeLimitExceededException',
      400,
      `Input text size exceeds limit. Max length of request text allowed is ${MAX_TEXT_BYTES} bytes while in this request the text size is ${bytes} bytes`,
    );
  if (language === undefined || language === null)
    throw validation("Value null at 'languageCode' failed to satisfy constraint: Member must not be null");
  if (typeof language !== 'string' || !SENTIMENT_LANGUAGES.includes(language))
    throw validation(
      `Value '${String(language)}' at 'languageCode' failed to satisfy constraint: Member must satisfy enum value set: [${SENTIMENT_LANGUAGES.join(', ')}]`,
    );
  if (language !== 'en')
    throw new AwsJsonError(
      'UnsupportedLanguageException',
      400,
      `The local Comprehend scores English (en) only, with the lexicon analyser; LanguageCode '${language}' is not supported here.`,
    );
  const { label, score } = analyzeSentiment(text);
  return { Sentiment: label, SentimentScore: sentimentScoreOf({ label, score }) };
}

export function createComprehendService(): GatewayService {
  return {
    name: 'comprehend',
    matches: (req) => targetOperation(req, COMPREHEND_TARGET) !== undefined,
    async handle(req, res) {
      try {
        const operation = targetOperation(req, COMPREHEND_TARGET);
        const body = signedJsonBody(req, 'comprehend');
        if (operation !== 'DetectSentiment')
          throw new AwsJsonError(
            'UnknownOperationException',
            400,
            `The local Comprehend answers DetectSentiment only; ${String(operation)} is not one of its operations.`,
          );
        writeAwsJson(res, '1.1', 200, detectSentiment(body));
      } catch (error) {
        if (!(error instanceof AwsJsonError)) throw error;
        writeAwsJsonError(res, '1.1', error);
      }
    },
    async close() {},
  };
}
