// The gateway's IAM, for what provisioning does with it: roles with their trust policy and inline policies
// (the Lex bot's service role). IAM speaks the query protocol — a form-encoded Action, XML answers — and is
// global, so it signs as `iam` in us-east-1. State is kept in a JSON file so roles outlive a restart.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import type { GatewayService } from '../gateway-service';
import { signingServiceOfRequest, toFetchRequest, writeFetchResponse } from '../fetch-bridge';

export const LOCAL_ACCOUNT_ID = '000000000000';

type Role = {
  name: string;
  id: string;
  arn: string;
  path: string;
  trust: string;
  description?: string;
  createDate: string;
  policies: Record<string, string>;
};

export type IamState = {
  roles(): Role[];
  getRole(name: string): Role | undefined;
};

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);
}

function answer(action: string, result?: string): Response {
  const body = result === undefined ? '' : `<${action}Result>${result}</${action}Result>`;
  return new HttpResponse(
    `<${action}Response xmlns="${NS}">${body}<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
    { status: 200, headers: { 'content-type': 'text/xml' } },
  );
}

function failure(status: number, code: string, message: string): Response {
  return new HttpResponse(
    `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
    { status, headers: { 'content-type': 'text/xml' } },
  );
}

function roleXml(role: Role): string {
  return [
    '<Role>',
    `<Path>${escapeXml(role.path)}</Path><RoleName>${escapeXml(role.name)}</RoleName><RoleId>${role.id}</RoleId>`,
    `<Arn>${escapeXml(role.arn)}</Arn><CreateDate>${role.createDate}</CreateDate>`,
    `<AssumeRolePolicyDocument>${encodeURIComponent(role.trust)}</AssumeRolePolicyDocument>`,
    role.description ? `<Description>${escapeXml(role.description)}</Description>` : '',
    '</Role>',
  ].join('');
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** IAM's handlers over a state persisted to `file` (in memory without one). */
export function createIamEmulator(options: { file?: string } = {}) {
  const roles = new Map<string, Role>();
  if (options.file && existsSync(options.file)) {
    for (const role of JSON.parse(readFileSync(options.file, 'utf8')) as Role[]) roles.set(role.name, role);
  }
  const save = () => {
    if (!options.file) return;
    mkdirSync(dirname(options.file), { recursive: true });
    writeFileSync(options.file, JSON.stringify([...roles.values()], null, 2));
  };

  function act(form: URLSearchParams): Response {
    const action = form.get('Action') ?? '';
    const name = form.get('RoleName') ?? '';
    const role = roles.get(name);
    const noRole = () => failure(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`);
    switch (action) {
      case 'GetRole':
        return role ? answer(action, roleXml(role)) : noRole();
      case 'CreateRole': {
        if (!ROLE_NAME.test(name))
          return failure(400, 'ValidationError', `RoleName '${name}' must be 1-64 letters, digits or +=,.@_-.`);
        if (role) return failure(409, 'EntityAlreadyExists', `Role with name ${name} already exists.`);
        const trust = form.get('AssumeRolePolicyDocument') ?? '';
        try {
          JSON.parse(trust);
        } catch {
          return failure(400, 'MalformedPolicyDocument', 'The trust policy is not valid JSON.');
        }
        const path = form.get('Path') ?? '/';
        const created: Role = {
          name,
          path,
          id: `AROA${randomUUID().replace(/-/g, '').slice(0, 17).toUpperCase()}`,
          arn: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role${path}${name}`,
          trust,
          ...(form.get('Description') ? { description: form.get('Description')! } : {}),
          createDate: new Date().toISOString(),
          policies: {},
        };
        roles.set(name, created);
        save();
        return answer(action, roleXml(created));
      }
      case 'PutRolePolicy': {
        if (!role) return noRole();
        const policyName = form.get('PolicyName') ?? '';
        const document = form.get('PolicyDocument') ?? '';
        try {
          JSON.parse(document);
        } catch {
          return failure(400, 'MalformedPolicyDocument', `The policy ${policyName} is not valid JSON.`);
        }
        role.policies[policyName] = document;
        save();
        return answer(action);
      }
      case 'GetRolePolicy': {
        if (!role) return noRole();
        const policyName = form.get('PolicyName') ?? '';
        const document = role.policies[policyName];
        if (document === undefined)
          return failure(404, 'NoSuchEntity', `The role policy with name ${policyName} cannot be found.`);
        return answer(
          action,
          `<RoleName>${escapeXml(name)}</RoleName><PolicyName>${escapeXml(policyName)}</PolicyName><PolicyDocument>${encodeURIComponent(document)}</PolicyDocument>`,
        );
      }
      case 'ListRolePolicies':
        if (!role) return noRole();
        return answer(
          action,
          `<PolicyNames>${Object.keys(role.policies)
            .map((p) => `<member>${escapeXml(p)}</member>`)
            .join('')}</PolicyNames><IsTruncated>false</IsTruncated>`,
        );
      case 'DeleteRolePolicy': {
        if (!role) return noRole();
        const policyName = form.get('PolicyName') ?? '';
        if (!(policyName in role.policies))
          return failure(404, 'NoSuchEntity', `The role policy with name ${policyName} cannot be found.`);
        delete role.policies[policyName];
        save();
        return answer(action);
      }
      case 'DeleteRole':
        if (!role) return noRole();
        if (Object.keys(role.policies).length > 0)
          return failure(409, 'DeleteConflict', 'Cannot delete entity, must delete policies first.');
        roles.delete(name);
        save();
        return answer(action);
      case 'ListRoles':
        return answer(
          action,
          `<Roles>${[...roles.values()].map((r) => `<member>${roleXml(r).slice(6, -7)}</member>`).join('')}</Roles><IsTruncated>false</IsTruncated>`,
        );
      default:
        return failure(
          400,
          'InvalidAction',
          `The local IAM does not implement ${action || 'a request without Action'}.`,
        );
    }
  }

  const handlers: HttpHandler[] = [
    http.post('*/', async ({ request }) => act(new URLSearchParams(await request.text()))),
  ];
  const state: IamState = { roles: () => [...roles.values()], getRole: (name) => roles.get(name) };
  return { handlers, state };
}

export type IamService = GatewayService & { state: IamState; handlers: HttpHandler[] };

export function createIamService(options: { file?: string } = {}): IamService {
  const { handlers, state } = createIamEmulator(options);
  return {
    name: 'iam',
    state,
    handlers,
    matches: (req) => signingServiceOfRequest(req) === 'iam',
    async handle(req, res) {
      const response =
        (await getResponse(handlers, toFetchRequest(req))) ??
        failure(400, 'InvalidAction', `The local IAM does not implement ${req.method} ${req.url}.`);
      await writeFetchResponse(res, response, req.method);
    },
    async close() {},
  };
}
