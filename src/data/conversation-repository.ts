// The Conversations table: one item per voicebot call, updated by the code hook once per turn (a repeated
// turn — Lex retrying the code hook — changes nothing), read by the aggregator through the table's stream.
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CallRecorder, Conversation } from '../core/call-metrics';
import { isConditionalCheckFailed } from './paged-query';

/** How long a call's record is kept (as bookings and audit entries). */
export const CONVERSATION_RETENTION_DAYS = 400;

export type ConversationRepository = CallRecorder & {
  /** Stores a whole conversation (the demo seed's past calls). */
  put(conversation: Conversation): Promise<void>;
};

export function itemToConversation(item: Record<string, unknown>): Conversation {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    sessionId: String(item.sessionId),
    day: String(item.day),
    startedAt: String(item.startedAt),
    updatedAt: String(item.updatedAt ?? item.startedAt),
    version: num(item.version),
    turns: num(item.turns),
    recognized: num(item.recognized),
    missed: num(item.missed),
    booked: num(item.booked),
    tracked: num(item.tracked),
    feedback: num(item.feedback),
    ...(typeof item.transferred === 'string' ? { transferred: item.transferred } : {}),
    ...(item.ended === true ? { ended: true } : {}),
    intents: list(item.intents),
    missedUtterances: list(item.missedUtterances),
    reaskedSlots: list(item.reaskedSlots),
  };
}

export function createConversationRepository(doc: DynamoDBDocumentClient, table: string): ConversationRepository {
  return {
    async recordTurn(facts, calendar) {
      const names: Record<string, string> = {
        '#v': 'version',
        '#day': 'day',
        '#started': 'startedAt',
        '#updated': 'updatedAt',
        '#turns': 'turns',
        '#recognized': 'recognized',
        '#missed': 'missed',
        '#intents': 'intents',
        '#expires': 'expiresAt',
      };
      const values: Record<string, unknown> = {
        ':v': facts.turn,
        ':day': calendar.dayOf(facts.at),
        ':at': facts.at,
        ':one': 1,
        ':recognized': facts.missed ? 0 : 1,
        ':missed': facts.missed ? 1 : 0,
        ':intent': [facts.intent],
        ':empty': [],
        ':expires': Math.floor(Date.parse(facts.at) / 1000) + CONVERSATION_RETENTION_DAYS * 24 * 3600,
      };
      const sets = [
        '#v = :v',
        '#day = if_not_exists(#day, :day)',
        '#started = if_not_exists(#started, :at)',
        '#updated = :at',
        '#intents = list_append(if_not_exists(#intents, :empty), :intent)',
        '#expires = :expires',
      ];
      const adds = ['#turns :one', '#recognized :recognized', '#missed :missed'];
      if (facts.utterance) {
        names['#utterances'] = 'missedUtterances';
        values[':utterance'] = [facts.utterance.slice(0, 200)];
        sets.push('#utterances = list_append(if_not_exists(#utterances, :empty), :utterance)');
      }
      if (facts.reasked) {
        names['#reasked'] = 'reaskedSlots';
        values[':slot'] = [facts.reasked];
        sets.push('#reasked = list_append(if_not_exists(#reasked, :empty), :slot)');
      }
      if (facts.achieved) {
        const attribute = { BOOKED: 'booked', TRACKED: 'tracked', FEEDBACK: 'feedback' }[facts.achieved];
        names['#achieved'] = attribute;
        adds.push('#achieved :one');
      }
      if (facts.transferred) {
        names['#transferred'] = 'transferred';
        values[':transferred'] = facts.transferred;
        sets.push('#transferred = :transferred');
      }
      if (facts.ended) {
        names['#ended'] = 'ended';
        values[':true'] = true;
        sets.push('#ended = :true');
      }
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { sessionId: facts.sessionId },
            UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
            // Turns are counted in order, once each.
            ConditionExpression: 'attribute_not_exists(#v) OR #v < :v',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    },

    async put(conversation) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...conversation,
            expiresAt: Math.floor(Date.parse(conversation.startedAt) / 1000) + CONVERSATION_RETENTION_DAYS * 24 * 3600,
          },
        }),
      );
    },
  };
}
