// The GraphQL router: dispatches an AppSync resolver event to its field handler by type and field name.
// Used unchanged by the api Lambda (lambdas/api) and the local AppSync-compatible server (src/local/appsync).
import type { AppSyncResolverEvent } from 'aws-lambda';
import { toPublicError } from './public-error';
import type { ApiDeps } from './deps';
import { resolvePrincipal } from './principal';
import type { Principal } from '../core/model';

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
      try {
        if (!handler) throw new Error(`No handler for ${key}`);
        const principal = await resolvePrincipal(event.identity, deps);
        return await handler(event.arguments ?? {}, { principal, event, deps });
      } catch (e) {
        throw toPublicError(e, (fault) => deps.log.error(`${key} failed`, fault));
      }
    },
  };
}
