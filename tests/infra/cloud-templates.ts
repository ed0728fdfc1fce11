// The synthesized cloud of one environment as the template tests read it: the Amplify backend's templates (from
// the synthesis cache `npm run synth` shares) and infra-cfn's root with its nested stacks through CfnInclude,
// with the parameter file (and any overrides) applied. Conditions are evaluated from those parameters, so a test
// can ask which resources a deployment with these values would create.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import type { EnvironmentName } from '../../amplify/environments';
import { NESTED_TEMPLATES, readParameterFile, TEMPLATES_DIR } from '../../infra-cfn/include';
import { cachedAmplifySynthesis, synthesizeInfra, type NagOutcome } from '../../infra-cfn/synthesize';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Resource = {
  Type: string;
  Properties?: Record<string, Json>;
  Condition?: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string | string[];
};
export type TemplateJson = {
  Parameters?: Record<string, { Default?: Json }>;
  Conditions?: Record<string, Json>;
  Resources: Record<string, Resource>;
  Outputs?: Record<string, Json>;
};
export type LoadedTemplate = { file: string; json: TemplateJson };

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = () => mkdtempSync(join(ROOT, '.tmp', 'infra-test-'));

export type AmplifyCloud = { templates: LoadedTemplate[]; nag: NagOutcome };

/** The Amplify backend of `env`, synthesized once per change of what it is made from. */
export function loadAmplify(env: EnvironmentName): AmplifyCloud {
  const tmp = scratch();
  try {
    const synthesis = cachedAmplifySynthesis(env, tmp);
    return {
      templates: synthesis.templates.map((file) => ({
        file: basename(file),
        json: JSON.parse(readFileSync(file, 'utf8')) as TemplateJson,
      })),
      nag: synthesis.nag,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** infra-cfn for `env` (one root stack and its nested stacks by id), with `overrides` over the parameter file. */
export type InfraCloud = {
  root: TemplateJson;
  nested: Record<string, LoadedTemplate>;
  nag: NagOutcome;
};

export function loadInfra(env: EnvironmentName, overrides?: Record<string, string>, region = 'us-east-1'): InfraCloud {
  const outDir = scratch();
  try {
    const synthesis = synthesizeInfra(env, region, outDir, overrides);
    const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as TemplateJson;
    const rootFile = synthesis.templates.find((f) => !f.endsWith('.nested.template.json'));
    if (!rootFile) throw new Error(`no root template in ${outDir}`);
    const nested: Record<string, LoadedTemplate> = {};
    for (const id of Object.keys(NESTED_TEMPLATES)) {
      const file = synthesis.templates.find((f) =>
        new RegExp(`Root${id}[0-9A-F]{8}\\.nested\\.template\\.json$`).test(f),
      );
      if (!file) throw new Error(`no nested template for ${id} in ${outDir}`);
      nested[id] = { file: basename(file), json: read(file) };
    }
    return { root: read(rootFile), nested, nag: synthesis.nag };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * root.yaml as written, with the environment's parameters: CfnInclude turns the nested stacks it loads into CDK
 * nested stacks and drops their Tags, so properties of the AWS::CloudFormation::Stack resources are read here.
 */
export function rootAsWritten(env: EnvironmentName): Template {
  const stack = new Stack(new App({ builtinCloudFormationValidation: false }), `courier-${env}`);
  new CfnInclude(stack, 'Root', {
    templateFile: join(TEMPLATES_DIR, 'root.yaml'),
    parameters: readParameterFile(env).Parameters,
  });
  return Template.fromStack(stack);
}

/** A value CloudFormation would only know at deploy time (an SSM reference, another stack's output). */
export const UNKNOWN = Symbol('unknown');
type Value = Json | typeof UNKNOWN;

/**
 * Evaluates one template's conditions and its literal parameter values: what a deployment with `parameters`
 * decides before it creates anything. Refs to parameters without a value take the parameter's Default.
 */
export class TemplateScope {
  private readonly cache = new Map<string, boolean>();

  constructor(
    readonly template: TemplateJson,
    private readonly parameters: Record<string, Value> = {},
  ) {}

  parameter(name: string): Value {
    if (name in this.parameters) return this.parameters[name]!;
    const declared = this.template.Parameters?.[name];
    if (declared?.Default !== undefined) return declared.Default;
    return UNKNOWN;
  }

  /** A property value with Ref, Fn::If and Fn::Equals resolved where they can be; UNKNOWN where they cannot. */
  value(expression: Json | undefined): Value {
    if (expression === undefined) return UNKNOWN;
    if (expression === null || typeof expression !== 'object' || Array.isArray(expression)) return expression;
    const [key] = Object.keys(expression);
    const argument = expression[key!]!;
    if (key === 'Ref' && typeof argument === 'string') return this.parameter(argument);
    if (key === 'Fn::If' && Array.isArray(argument)) {
      return this.value(this.condition(String(argument[0])) ? argument[1] : argument[2]);
    }
    return UNKNOWN;
  }

  condition(name: string): boolean {
    const known = this.cache.get(name);
    if (known !== undefined) return known;
    const expression = this.template.Conditions?.[name];
    if (expression === undefined) throw new Error(`no condition ${name}`);
    const result = this.evaluate(expression);
    this.cache.set(name, result);
    return result;
  }

  private evaluate(expression: Json): boolean {
    if (expression === null || typeof expression !== 'object' || Array.isArray(expression)) {
      throw new Error(`not a condition: ${JSON.stringify(expression)}`);
    }
    const key = Object.keys(expression)[0] ?? '';
    const argument = expression[key] as Json[];
    switch (key) {
      case 'Condition':
        return this.condition(String(expression.Condition));
      case 'Fn::Not':
        return !this.evaluate(argument[0]!);
      case 'Fn::And':
        return argument.every((a) => this.evaluate(a));
      case 'Fn::Or':
        return argument.some((a) => this.evaluate(a));
      case 'Fn::Equals': {
        const [a, b] = argument.map((a) => this.value(a));
        if (a === UNKNOWN || b === UNKNOWN) throw new Error(`cannot decide ${JSON.stringify(expression)}`);
        return String(a) === String(b);
      }
      default:
        throw new Error(`unsupported condition ${key}`);
    }
  }

  /** `expression` with every Fn::If replaced by the branch its condition picks (other intrinsics kept). */
  select(expression: Json): Json {
    if (Array.isArray(expression)) return expression.map((e) => this.select(e));
    if (expression === null || typeof expression !== 'object') return expression;
    const conditional = expression['Fn::If'];
    if (Array.isArray(conditional)) {
      return this.select((this.condition(String(conditional[0])) ? conditional[1] : conditional[2])!);
    }
    return Object.fromEntries(Object.entries(expression).map(([k, v]) => [k, this.select(v)]));
  }

  /** The resources a deployment creates: those without a condition or whose condition holds. */
  activeResources(): Record<string, Resource> {
    return Object.fromEntries(
      Object.entries(this.template.Resources).filter(
        ([, r]) => r.Condition === undefined || this.condition(r.Condition),
      ),
    );
  }

  ofType(type: string): [string, Resource][] {
    return Object.entries(this.activeResources()).filter(([, r]) => r.Type === type);
  }
}

/** The root's scope and, for each nested stack the root creates, its scope with the parameters the root passes. */
export function scopesOf(infra: InfraCloud): { root: TemplateScope; nested: Record<string, TemplateScope> } {
  const root = new TemplateScope(infra.root);
  const active = root.activeResources();
  const nested: Record<string, TemplateScope> = {};
  for (const [id, template] of Object.entries(infra.nested)) {
    const stack = active[id];
    if (!stack) continue;
    const passed = (stack.Properties?.Parameters ?? {}) as Record<string, Json>;
    nested[id] = new TemplateScope(
      template.json,
      Object.fromEntries(Object.entries(passed).map(([name, expression]) => [name, root.value(expression)])),
    );
  }
  return { root, nested };
}

/** Every resource of the Amplify templates, with its template file. */
export function amplifyResources(cloud: AmplifyCloud): { file: string; id: string; resource: Resource }[] {
  return cloud.templates.flatMap(({ file, json }) =>
    Object.entries(json.Resources).map(([id, resource]) => ({ file, id, resource })),
  );
}
