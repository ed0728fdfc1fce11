// AppSync's built-in scalars and directives, declared so graphql-js accepts an AppSync schema unchanged and
// validates values the way AppSync does.
import { isIP } from 'node:net';
import { GraphQLError, Kind, type GraphQLScalarType, type GraphQLSchema, type ValueNode } from './graphql-js';

/** Declarations AppSync provides implicitly; prepended to the SDL only where the SDL does not declare them. */
export const APPSYNC_DIRECTIVE_SDL: Record<string, string> = {
  aws_api_key: 'directive @aws_api_key on FIELD_DEFINITION | OBJECT',
  aws_iam: 'directive @aws_iam on FIELD_DEFINITION | OBJECT',
  aws_oidc: 'directive @aws_oidc on FIELD_DEFINITION | OBJECT',
  aws_lambda: 'directive @aws_lambda on FIELD_DEFINITION | OBJECT',
  aws_cognito_user_pools: 'directive @aws_cognito_user_pools(cognito_groups: [String]) on FIELD_DEFINITION | OBJECT',
  aws_auth: 'directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION',
  aws_subscribe: 'directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION',
};

export const APPSYNC_SCALAR_NAMES = [
  'AWSDate',
  'AWSTime',
  'AWSDateTime',
  'AWSTimestamp',
  'AWSEmail',
  'AWSJSON',
  'AWSURL',
  'AWSPhone',
  'AWSIPAddress',
] as const;

export type AppSyncScalarName = (typeof APPSYNC_SCALAR_NAMES)[number];

const OFFSET = '(?:Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?)';
const DATE = '(\\d{4})-(\\d{2})-(\\d{2})';
const TIME = '(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?';
const DATE_RE = new RegExp(`^${DATE}${OFFSET}?$`);
const TIME_RE = new RegExp(`^${TIME}${OFFSET}?$`);
const DATETIME_RE = new RegExp(`^${DATE}T${TIME}${OFFSET}$`);
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[0-9][0-9 ()-]{1,18}[0-9]$/;

function validDate(y: string | undefined, m: string | undefined, d: string | undefined): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validTime(h: string | undefined, m: string | undefined, s: string | undefined): boolean {
  return Number(h) <= 23 && Number(m) <= 59 && (s === undefined || Number(s) <= 59);
}

/** Each scalar's check on its string form (AWSTimestamp and AWSJSON are handled separately). */
const STRING_CHECKS: Record<Exclude<AppSyncScalarName, 'AWSTimestamp' | 'AWSJSON'>, (v: string) => boolean> = {
  AWSDate: (v) => {
    const m = DATE_RE.exec(v);
    return m !== null && validDate(m[1], m[2], m[3]);
  },
  AWSTime: (v) => {
    const m = TIME_RE.exec(v);
    return m !== null && validTime(m[1], m[2], m[3]);
  },
  AWSDateTime: (v) => {
    const m = DATETIME_RE.exec(v);
    return m !== null && validDate(m[1], m[2], m[3]) && validTime(m[4], m[5], m[6]);
  },
  AWSEmail: (v) => EMAIL_RE.test(v),
  AWSURL: (v) => {
    if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(v)) return false;
    try {
      const url = new URL(v);
      return !url.pathname.includes('//');
    } catch {
      return false;
    }
  },
  AWSPhone: (v) => PHONE_RE.test(v),
  AWSIPAddress: (v) => {
    const [address, prefix, ...rest] = v.split('/');
    if (rest.length > 0 || address === undefined) return false;
    const version = isIP(address);
    if (version === 0) return false;
    if (prefix === undefined) return true;
    if (!/^\d{1,3}$/.test(prefix)) return false;
    return Number(prefix) <= (version === 4 ? 32 : 128);
  },
};

function invalid(name: string, value: unknown, node?: ValueNode): GraphQLError {
  const shown = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  return new GraphQLError(`Invalid ${name} value: ${shown}`, node ? { nodes: node } : undefined);
}

type ScalarBehaviour = {
  serialize: (value: unknown) => unknown;
  parseValue: (value: unknown) => unknown;
  parseLiteral: (node: ValueNode) => unknown;
};

function stringScalar(name: keyof typeof STRING_CHECKS): ScalarBehaviour {
  const check = STRING_CHECKS[name];
  const parse = (value: unknown, node?: ValueNode): string => {
    if (typeof value !== 'string' || !check(value)) throw invalid(name, value, node);
    return value;
  };
  return {
    serialize: (value) => {
      if (value instanceof Date && name === 'AWSDateTime') return value.toISOString();
      if (typeof value !== 'string' || !check(value)) throw invalid(name, value);
      return value;
    },
    parseValue: (value) => parse(value),
    parseLiteral: (node) => {
      if (node.kind !== Kind.STRING) throw invalid(name, 'value' in node ? node.value : node.kind, node);
      return parse(node.value, node);
    },
  };
}

const timestampScalar: ScalarBehaviour = {
  serialize: (value) => {
    if (value instanceof Date) return Math.floor(value.getTime() / 1000);
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
    throw invalid('AWSTimestamp', value);
  },
  parseValue: (value) => {
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    throw invalid('AWSTimestamp', value);
  },
  parseLiteral: (node) => {
    if (node.kind !== Kind.INT) throw invalid('AWSTimestamp', 'value' in node ? node.value : node.kind, node);
    return Number(node.value);
  },
};

/** AppSync hands AWSJSON arguments to resolvers parsed, and returns resolver values as JSON strings. */
const jsonScalar: ScalarBehaviour = {
  serialize: (value) => {
    if (typeof value === 'string') {
      try {
        JSON.parse(value);
        return value;
      } catch {
        throw invalid('AWSJSON', value);
      }
    }
    return JSON.stringify(value);
  },
  parseValue: (value) => {
    if (typeof value !== 'string') throw invalid('AWSJSON', value);
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw invalid('AWSJSON', value);
    }
  },
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw invalid('AWSJSON', 'value' in node ? node.value : node.kind, node);
    try {
      return JSON.parse(node.value) as unknown;
    } catch {
      throw invalid('AWSJSON', node.value, node);
    }
  },
};

const BEHAVIOURS: Record<AppSyncScalarName, ScalarBehaviour> = {
  AWSDate: stringScalar('AWSDate'),
  AWSTime: stringScalar('AWSTime'),
  AWSDateTime: stringScalar('AWSDateTime'),
  AWSTimestamp: timestampScalar,
  AWSEmail: stringScalar('AWSEmail'),
  AWSJSON: jsonScalar,
  AWSURL: stringScalar('AWSURL'),
  AWSPhone: stringScalar('AWSPhone'),
  AWSIPAddress: stringScalar('AWSIPAddress'),
};

/** Gives the scalars of a schema built from SDL AppSync's validation (buildSchema leaves them pass-through). */
export function installAppSyncScalars(schema: GraphQLSchema): void {
  for (const name of APPSYNC_SCALAR_NAMES) {
    const type = schema.getType(name) as GraphQLScalarType | undefined;
    if (!type) continue;
    const behaviour = BEHAVIOURS[name];
    type.serialize = behaviour.serialize;
    type.parseValue = behaviour.parseValue;
    type.parseLiteral = behaviour.parseLiteral;
  }
}

/** Whether a value is a valid instance of an AppSync scalar, as AppSync would accept it in a variable. */
export function isValidAppSyncScalar(name: AppSyncScalarName, value: unknown): boolean {
  try {
    BEHAVIOURS[name].parseValue(value);
    return true;
  } catch {
    return false;
  }
}
