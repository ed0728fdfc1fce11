// The sentiment port as the cloud functions that take feedback build it (the api, the Lex code hook): Amazon
// Comprehend when SENTIMENT_ANALYZER says so, the lexicon analyser otherwise and whenever Comprehend fails.
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { SentimentAnalyzer } from '../core/ports';
import { createLexiconSentimentAnalyzer } from '../core/sentiment/lexicon-sentiment';
import { createComprehendSentimentAnalyzer } from '../data/comprehend-sentiment';
import type { Log } from '../observability/telemetry';
import type { LambdaConfig } from './lambda-config';
import type { Breaker } from '../data/dependency-breaker';

export function createLambdaSentiment(
  config: Pick<LambdaConfig, 'region' | 'sentiment'>,
  log: Pick<Log, 'warn'>,
  /** The circuit breaker and timeout around Comprehend (src/data/dependency-breaker.ts). */
  breaker?: Breaker,
): SentimentAnalyzer {
  const lexicon = createLexiconSentimentAnalyzer();
  return config.sentiment === 'comprehend'
    ? createComprehendSentimentAnalyzer({
        region: config.region,
        credentials: fromNodeProviderChain(),
        fallback: lexicon,
        log,
        ...(breaker ? { breaker } : {}),
      })
    : lexicon;
}
