// The gateway's Lambda, for what the voicebot needs of it: the functions the stack runs locally (the Lex
// code hook), their resource policies (provisioning grants Lex the right to invoke), and Invoke — which is
// also how the Lex runtime emulator calls a code hook. Functions are registered by name; their code runs
// wherever `invoke` sends it (the stack's thread, as the API's own Lambdas do locally).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import type { GatewayService } from '../gateway-service';
import { signingServiceOfRequest, toFetchRequest, writeFetchResponse } from '../fetch-bridge';

export const LOCAL_ACCOUNT_ID = '000000000000';

/** Runs a registered function's handler with an event and resolves with its result. */
export type FunctionRunner = (functionName: string, event: unknown) => Promise<unknown>;

export type LambdaEmulatorOptions = {
  region: string;
  /** The functions that exist locally, by name. */
  functions: readonly string[];
  run: FunctionRunner;
  /** Where resource policies are kept across restarts. */
  file?: string;
};

type Statement = Record<string, unknown> & { Sid: string };

export function functionArn(region: string, name: string): string {
  return `arn:aws:lambda:${region}:${LOCAL_ACCOUNT_ID}:function:${name}`;
}

/** A FunctionName as Lambda accepts it: name, full ARN or partial ARN, with an optional qualifier. */
export function functionNameOf(reference: string): string {
  const decoded = decodeURIComponent(reference);
  const match = /^(?:arn:aws:lambda:[^:]+:\d{12}:function:|\d{12}:function:)?([\w-]+)(?::[\w$-]+)?$/.exec(decoded);
  return match?.[1] ?? decoded;
}

function failure(status: number, type: string, message: string): Response {
  return HttpResponse.json(
    { Type: status >= 500 ? 'Service' : 'User', Message: message, message },
    { status, headers: { 'x-amzn-errortype': type, 'x-amzn-requestid': randomUUID() } },
  );
}

export function createLambdaEmulator(options: LambdaEmulatorOptions) {
  const known = new Set(options.functions);
  const policies = new Map<string, Statement[]>();
  if (options.file && existsSync(options.file)) {
    const saved = JSON.parse(readFileSync(options.file, 'utf8')) as Record<string, Statement[]>;
    for (const [name, statements] of Object.entries(saved)) policies.set(name, statements);
  }
  const save = () => {
    if (!options.file) return;
    mkdirSync(dirname(options.file), { recursive: true });
    writeFileSync(options.file, JSON.stringify(Object.fromEntries(policies), null, 2));
  };
  const arnOf = (name: string) => functionArn(options.region, name);
  const missing = (name: string) => failure(404, 'ResourceNotFoundException', `Function not found: ${arnOf(name)}`);

  const handlers: HttpHandler[] = [
    http.get('*/2015-03-31/functions/:fn', ({ params }) => {
      const name = functionNameOf(String(params.fn));
      if (!known.has(name)) return missing(name);
      return HttpResponse.json({
        Configuration: {
          FunctionName: name,
          FunctionArn: arnOf(name),
          Runtime: 'nodejs20.x',
          Handler: 'handler.handler',
          State: 'Active',
          LastUpdateStatus: 'Successful',
          PackageType: 'Zip',
        },
      });
    }),
    http.post('*/2015-03-31/functions/:fn/invocations', async ({ request, params }) => {
      const name = functionNameOf(String(params.fn));
      if (!known.has(name)) return missing(name);
      const text = await request.text();
      let event: unknown;
      try {
        event = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        return failure(400, 'InvalidRequestContentException', 'Could not parse request body into json.');
      }
      try {
        const result = await options.run(name, event);
        return new HttpResponse(JSON.stringify(result ?? null), {
          status: 200,
          headers: { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' },
        });
      } catch (error) {
        // As Lambda reports a function's own failure: status 200, the error in the payload.
        const e = error instanceof Error ? error : new Error(String(error));
        return new HttpResponse(JSON.stringify({ errorType: e.name, errorMessage: e.message }), {
          status: 200,
          headers: { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' },
        });
      }
    }),
    http.post('*/2015-03-31/functions/:fn/policy', async ({ request, params }) => {
      const name = functionNameOf(String(params.fn));
      if (!known.has(name)) return missing(name);
      const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
      const sid = typeof body.StatementId === 'string' ? body.StatementId : '';
      if (!/^[\w-]{1,100}$/.test(sid))
        return failure(400, 'InvalidParameterValueException', 'StatementId must be 1-100 letters, digits, - or _.');
      if (typeof body.Action !== 'string' || typeof body.Principal !== 'string')
        return failure(400, 'InvalidParameterValueException', 'Action and Principal are required.');
      const statements = policies.get(name) ?? [];
      if (statements.some((s) => s.Sid === sid))
        return failure(409, 'ResourceConflictException', `The statement id (${sid}) provided already exists.`);
      const statement: Statement = {
        Sid: sid,
        Effect: 'Allow',
        Principal: { Service: body.Principal },
        Action: body.Action,
        Resource: arnOf(name),
        ...(typeof body.SourceArn === 'string' ? { Condition: { ArnLike: { 'AWS:SourceArn': body.SourceArn } } } : {}),
      };
      policies.set(name, [...statements, statement]);
      save();
      return HttpResponse.json({ Statement: JSON.stringify(statement) }, { status: 201 });
    }),
    http.get('*/2015-03-31/functions/:fn/policy', ({ params }) => {
      const name = functionNameOf(String(params.fn));
      if (!known.has(name)) return missing(name);
      const statements = policies.get(name) ?? [];
      if (statements.length === 0)
        return failure(404, 'ResourceNotFoundException', 'The resource you requested does not exist.');
      return HttpResponse.json({
        Policy: JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements }),
        RevisionId: String(statements.length),
      });
    }),
    http.delete('*/2015-03-31/functions/:fn/policy/:sid', ({ params }) => {
      const name = functionNameOf(String(params.fn));
      if (!known.has(name)) return missing(name);
      const statements = policies.get(name) ?? [];
      const kept = statements.filter((s) => s.Sid !== String(params.sid));
      if (kept.length === statements.length)
        return failure(404, 'ResourceNotFoundException', 'The resource you requested does not exist.');
      policies.set(name, kept);
      save();
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  /** Whether a principal may invoke the function, as its resource policy says (for the Lex emulator). */
  const allows = (name: string, service: string, sourceArn?: string) =>
    (policies.get(name) ?? []).some((s) => {
      const principal = (s.Principal as { Service?: string } | undefined)?.Service;
      const pattern = (s.Condition as { ArnLike?: Record<string, string> } | undefined)?.ArnLike?.['AWS:SourceArn'];
      if (principal !== service) return false;
      if (!pattern || !sourceArn) return true;
      const regex = new RegExp(
        `^${pattern
          .split('*')
          .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      );
      return regex.test(sourceArn);
    });

  return { handlers, allows, arnOf };
}

export type LambdaService = GatewayService & ReturnType<typeof createLambdaEmulator>;

export function createLambdaService(options: LambdaEmulatorOptions): LambdaService {
  const emulator = createLambdaEmulator(options);
  return {
    name: 'lambda',
    ...emulator,
    matches: (req) => signingServiceOfRequest(req) === 'lambda',
    async handle(req, res) {
      const response =
        (await getResponse(emulator.handlers, toFetchRequest(req))) ??
        failure(400, 'UnknownOperationException', `The local Lambda does not implement ${req.method} ${req.url}.`);
      await writeFetchResponse(res, response, req.method);
    },
    async close() {},
  };
}
