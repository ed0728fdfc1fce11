// One msw handler per Lex V2 operation: an exact, case-sensitive path template (msw's `*` host wildcard would
// also match other services' paths such as Connect's /instance/{id}/bots), JSON in, JSON or AWS error out.
import { randomUUID } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { invalid, LexApiError, lexErrorResponse } from './lex-errors';

export type LexRequest = {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body; `{}` when there is none. */
  body: Record<string, unknown>;
  headers: Headers;
};

export type LexReply = { status: number; body?: unknown; headers?: Record<string, string> };

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

function compile(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('The request body is not valid JSON. Send a JSON object, as the AWS SDK does.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/**
 * A handler for `method template` (e.g. `GET /bots/{botId}`). Errors thrown as LexApiError become AWS
 * errors; anything else becomes an InternalServerException with its message, logged once.
 */
export function lexRoute(
  method: Method,
  template: string,
  handle: (request: LexRequest) => Promise<LexReply> | LexReply,
): HttpHandler {
  const { pattern, names } = compile(template);
  const register = { GET: http.get, PUT: http.put, POST: http.post, DELETE: http.delete }[method];
  return register(
    ({ request }) => {
      const match = pattern.exec(new URL(request.url).pathname);
      if (!match) return false;
      return {
        matches: true,
        params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')])),
      };
    },
    async ({ request, params }) => {
      const requestId = randomUUID();
      try {
        const reply = await handle({
          params: params as Record<string, string>,
          query: new URL(request.url).searchParams,
          body: method === 'GET' || method === 'DELETE' ? {} : await readJson(request),
          headers: request.headers,
        });
        const headers = { 'x-amzn-RequestId': requestId, ...reply.headers };
        if (reply.body === undefined) return new HttpResponse(null, { status: reply.status, headers });
        return HttpResponse.json(reply.body as Record<string, unknown>, { status: reply.status, headers });
      } catch (error) {
        if (error instanceof LexApiError) return lexErrorResponse(error, requestId);
        console.error(`[lex] ${method} ${template} failed`, error);
        const message = error instanceof Error ? error.message : String(error);
        return lexErrorResponse(new LexApiError('InternalServerException', message), requestId);
      }
    },
  );
}
