// Failure injection in front of any AWS handlers (this folder's fake or the full emulators in src/local):
// an msw handler that answers one named operation with an AWS error, after letting `skip` calls fall through
// to the handlers behind it.
import { http, HttpResponse, type HttpHandler } from 'msw';

type Route = { method: 'get' | 'put' | 'post' | 'delete'; path: string; iamAction?: string };

/** The operations the engine calls, by route, so a test can name the one to break. */
export const OPERATION_ROUTES = {
  CreateRole: { method: 'post', path: '*/', iamAction: 'CreateRole' },
  PutRolePolicy: { method: 'post', path: '*/', iamAction: 'PutRolePolicy' },
  DeleteRole: { method: 'post', path: '*/', iamAction: 'DeleteRole' },
  CreateBot: { method: 'put', path: '*/bots' },
  ListBots: { method: 'post', path: '*/bots' },
  CreateBotLocale: { method: 'put', path: '*/bots/:botId/botversions/:v/botlocales' },
  CreateSlotType: { method: 'put', path: '*/bots/:botId/botversions/:v/botlocales/:l/slottypes' },
  CreateIntent: { method: 'put', path: '*/bots/:botId/botversions/:v/botlocales/:l/intents' },
  CreateSlot: { method: 'put', path: '*/bots/:botId/botversions/:v/botlocales/:l/intents/:i/slots' },
  UpdateIntent: { method: 'put', path: '*/bots/:botId/botversions/:v/botlocales/:l/intents/:i' },
  BuildBotLocale: { method: 'post', path: '*/bots/:botId/botversions/:v/botlocales/:l' },
  CreateBotVersion: { method: 'put', path: '*/bots/:botId/botversions' },
  ListBotVersions: { method: 'post', path: '*/bots/:botId/botversions' },
  CreateBotAlias: { method: 'put', path: '*/bots/:botId/botaliases' },
  ListBotAliases: { method: 'post', path: '*/bots/:botId/botaliases' },
  DeleteBotVersion: { method: 'delete', path: '*/bots/:botId/botversions/:v' },
  DeleteBot: { method: 'delete', path: '*/bots/:botId' },
  AddPermission: { method: 'post', path: '*/2015-03-31/functions/:fn/policy' },
  AssociateBot: { method: 'put', path: '*/instance/:instanceId/bot' },
  CreateContactFlow: { method: 'put', path: '*/contact-flows/:instanceId' },
  UpdateContactFlowContent: { method: 'post', path: '*/contact-flows/:instanceId/:flowId/content' },
} as const satisfies Record<string, Route>;

export type FailingOperation = keyof typeof OPERATION_ROUTES;

export type InjectedError = { status: number; code: string; message: string };

/**
 * Fails `operation` with `error` from the (skip+1)-th call on, `times` times (default: until removed),
 * and lets every other request through to the handlers behind it. Use with `server.use(...)`.
 */
export function failOperation(
  operation: FailingOperation,
  error: InjectedError,
  options: { skip?: number; times?: number } = {},
): HttpHandler {
  const route: Route = OPERATION_ROUTES[operation];
  let seen = 0;
  let failed = 0;
  return http[route.method](route.path, async ({ request }) => {
    if (route.iamAction) {
      const action = new URLSearchParams(await request.clone().text()).get('Action');
      if (action !== route.iamAction) return undefined;
    }
    if (seen++ < (options.skip ?? 0) || failed >= (options.times ?? Infinity)) return undefined;
    failed++;
    if (route.iamAction)
      return new HttpResponse(
        `<ErrorResponse><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${error.message}</Message></Error><RequestId>injected</RequestId></ErrorResponse>`,
        { status: error.status, headers: { 'content-type': 'text/xml' } },
      );
    return HttpResponse.json(
      { message: error.message },
      { status: error.status, headers: { 'x-amzn-errortype': error.code } },
    );
  });
}
