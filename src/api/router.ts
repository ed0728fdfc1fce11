// The GraphQL router: dispatches an AppSync resolver event to its field handler by type and field name.
// Used unchanged by the api Lambda (lambdas/api) and the local AppSync-compatible server (src/local/appsync).
import type { AppSyncResolverEvent } from 'aws-lambda';
import { toPublicError } from './public-error';
import type { ApiDeps } from './deps';
import { resolveCaller, type PartnerAccess } from './principal';
import type { Principal } from '../core/model';
import { assertScope } from '../core/access';
import { outcomeOf, recordAudit } from '../core/audit';
import { ForbiddenError } from '../core/errors';
import { enforceRateLimit, partnerRateLimitKey } from '../core/rate-limit';
import { isPartnerOperation, PARTNER_OPERATIONS } from './partner-operations';

export type FieldContext = {
  principal: Principal;
  event: AppSyncResolverEvent<Record<string, unknown>>;
  deps: ApiDeps;
};
export type FieldHandler = (args: Record<string, unknown>, ctx: FieldContext) => Promise<unknown>;
export type ParentType = 'Query' | 'Mutation' | 'Subscription';

/** A group of field handlers, registered Powertools-style (`onQuery('getBooking', …)`). */
export class Router {
  readonly handlers = new Map<string, FieldHandler>();

  onQuery(field: string, handler: FieldHandler): this {
    return this.on('Query', field, handler);
  }
  onMutation(field: string, handler: FieldHandler): this {
    return this.on('Mutation', field, handler);
  }
  onSubscription(field: string, handler: FieldHandler): this {
    return this.on('Subscription', field, handler);
  }
  includeRouter(routers: Router[]): this {
    for (const r of routers) for (const [key, h] of r.handlers) this.handlers.set(key, h);
    return this;
  }

  private on(type: ParentType, field: string, handler: FieldHandler): this {
    const key = `${type}.${field}`;
    if (this.handlers.has(key)) throw new Error(`Duplicate handler for ${key}`);
    this.handlers.set(key, handler);
    return this;
  }
}

export type Api = { resolve(event: AppSyncResolverEvent<Record<string, unknown>>): Promise<unknown> };

/**
 * Binds a router to its dependencies. Errors leave as `PublicError`s (name = AppSync errorType,
 * message safe to show): AppSync keeps only a Lambda error's name and message, so everything the
 * caller needs (field, how to fix it) is in the message. Faults are logged here and hidden.
 */
export function createApi(router: Router, deps: ApiDeps): Api {
  return {
    async resolve(event) {
      const key = `${event.info.parentTypeName}.${event.info.fieldName}`;
      const handler = router.handlers.get(key);
      const started = Date.now();
      let access: PartnerAccess | undefined;
      let failure: unknown;
      try {
        if (!handler) throw new Error(`No handler for ${key}`);
        const caller = await resolveCaller(event, deps);
        access = caller.partnerAccess;
        if (access) await admitPartnerCall(key, caller.principal, access, deps);
        return await handler(event.arguments ?? {}, { principal: caller.principal, event, deps });
      } catch (e) {
        failure = toPublicError(
          e,
          (fault) => deps.log.error(`${key} failed`, fault),
          event.info.parentTypeName === 'Mutation' ? 'change' : 'query',
        );
        throw failure;
      } finally {
        // Calls made with a token directly are audited here; the MCP server audits the tool calls it relays.
        if (access?.source === 'graphql' && deps.audit) {
          await recordAudit(
            {
              partnerId: access.credential.partnerId,
              tokenId: access.credential.tokenId,
              source: 'graphql',
              operation: event.info.fieldName,
              args: event.arguments ?? {},
              outcome: outcomeOf(failure),
              latencyMs: Date.now() - started,
              at: deps.clock.now(),
            },
            { audit: deps.audit },
          ).catch((e: unknown) => deps.log.error('audit write failed', e));
        }
      }
    },
  };
}

/**
 * What a partner-token call must pass before its handler runs: a partner operation, the scope it needs, and
 * the partner's rate limit (counted for every call, refused ones included, across every instance).
 */
async function admitPartnerCall(key: string, principal: Principal, access: PartnerAccess, deps: ApiDeps) {
  if (!deps.rateLimits) throw new Error('Rate limits are not configured in this runtime');
  await enforceRateLimit(
    partnerRateLimitKey(access.credential.partnerId),
    { limit: access.credential.rateLimitPerMinute, windowSeconds: 60 },
    { counter: deps.rateLimits, clock: deps.clock },
  );
  if (!isPartnerOperation(key)) {
    throw new ForbiddenError(`Partner tokens cannot call ${key.split('.')[1]}.`, {
      resolution: `Partner tokens may call ${Object.keys(PARTNER_OPERATIONS)
        .map((k) => k.split('.')[1])
        .join(', ')}.`,
    });
  }
  assertScope(principal, PARTNER_OPERATIONS[key]);
}
