// The cloud SentimentAnalyzer (Req 10.3): Amazon Comprehend's DetectSentiment for each feedback text, as the
// architecture's sentiment port says (the lexicon analyser locally). Comprehend failing never refuses feedback:
// the text is scored by the lexicon instead, and the failure logged.
//
// Why a signed JSON POST rather than @aws-sdk/client-comprehend: DetectSentiment is one JSON request, and the
// project's SigV4 signer (already used for AppSync and SNS) is all it takes; no client package to add.
import { NodeSha256 } from './node-sha256';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Provider } from '@aws-sdk/types';
import type { Sentiment } from '../core/model';
import type { SentimentAnalyzer } from '../core/ports';
import { signedPostHeaders } from './signed-post';
import type { Breaker } from './dependency-breaker';

/** DetectSentiment takes at most 5,000 bytes of UTF-8. */
export const COMPREHEND_MAX_BYTES = 5000;

type Log = { warn(message: string, detail?: unknown): void };

type DetectSentimentAnswer = {
  Sentiment?: string;
  SentimentScore?: { Positive?: number; Negative?: number; Neutral?: number; Mixed?: number };
};

const LABELS = new Set<Sentiment['label']>(['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'MIXED']);

/** The longest start of `text` that fits in `maxBytes` of UTF-8, cut between characters. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * Comprehend's answer in the port's terms: its label, and a score in [-1, 1] as the lexicon gives one (the
 * positive confidence less the negative), so figures mix both sources sensibly.
 */
export function sentimentFromComprehend(answer: DetectSentimentAnswer): Sentiment {
  const label = answer.Sentiment as Sentiment['label'];
  if (!LABELS.has(label)) throw new Error(`Comprehend answered no known sentiment: ${JSON.stringify(answer)}`);
  const positive = answer.SentimentScore?.Positive ?? 0;
  const negative = answer.SentimentScore?.Negative ?? 0;
  return { label, score: Math.round((positive - negative) * 1000) / 1000 };
}

export function createComprehendSentimentAnalyzer(options: {
  region: string;
  credentials: AwsCredentialIdentity | Provider<AwsCredentialIdentity>;
  /** Scores a text when Comprehend cannot (and empty texts): the lexicon analyser. */
  fallback: SentimentAnalyzer;
  log: Log;
  /** The regional endpoint by default (https://comprehend.<region>.amazonaws.com). */
  endpoint?: string;
  /** The feedback's language; customers write in English (the bot's locale is en_US). */
  languageCode?: string;
  /**
   * The circuit breaker and timeout around Comprehend: while it is open (or a call times out) the lexicon
   * scores the text at once, rather than every feedback waiting out a failing service.
   */
  breaker?: Breaker;
}): SentimentAnalyzer {
  const signer = new SignatureV4({
    service: 'comprehend',
    region: options.region,
    credentials: options.credentials,
    sha256: NodeSha256,
  });
  const url = new URL(options.endpoint ?? `https://comprehend.${options.region}.amazonaws.com/`);

  const detect = async (text: string, signal?: AbortSignal): Promise<Sentiment> => {
    const body = JSON.stringify({ Text: text, LanguageCode: options.languageCode ?? 'en' });
    const headers = await signedPostHeaders(
      signer,
      url,
      {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'Comprehend_20171127.DetectSentiment',
      },
      body,
    );
    const response = await fetch(url, { method: 'POST', headers, body, ...(signal ? { signal } : {}) });
    const answer = (await response.json().catch(() => ({}))) as DetectSentimentAnswer & {
      __type?: string;
      message?: string;
      Message?: string;
    };
    if (!response.ok) {
      const code = answer.__type?.split('#').pop() ?? 'Unknown';
      throw new Error(
        `Comprehend DetectSentiment failed (${response.status} ${code}): ${answer.message ?? answer.Message ?? ''}`,
      );
    }
    return sentimentFromComprehend(answer);
  };

  return {
    async analyze(text) {
      const trimmed = text.trim();
      if (!trimmed) return options.fallback.analyze(text);
      try {
        const text = truncateUtf8(trimmed, COMPREHEND_MAX_BYTES);
        const { breaker } = options;
        return await (breaker ? breaker.run((signal) => detect(text, signal)) : detect(text));
      } catch (error) {
        options.log.warn('Comprehend sentiment unavailable; scored by the lexicon instead', {
          error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
        });
        return options.fallback.analyze(text);
      }
    },
  };
}
