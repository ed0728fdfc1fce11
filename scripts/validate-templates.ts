// Validates CloudFormation templates offline (registry schemas plus cfn-lint-style rules) with
// @aws/cloudformation-validate, the engine aws-cdk-lib bundles: synthesized JSON and hand-written YAML.
// CLI: `tsx scripts/validate-templates.ts [--verbose] <file-or-dir>...` (default: cdk.out).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CfnValidate from '../node_modules/aws-cdk-lib/node_modules/@aws/cloudformation-validate';

export type Severity = CfnValidate.Severity;
export type TemplateFinding = {
  file: string;
  severity: Severity;
  ruleId: string;
  message: string;
  logicalId?: string;
  propertyPath?: string;
  line?: number;
};
export type TemplateValidation = {
  templates: string[];
  /** Every finding at WARN or above. */
  findings: TemplateFinding[];
  /** The findings that fail a build: ERROR and FATAL. */
  errors: TemplateFinding[];
};

const FAILING: ReadonlySet<Severity> = new Set<Severity>(['ERROR', 'FATAL']);
const TEMPLATE_FILE = /(\.template\.json|\.ya?ml)$/;

/**
 * The validator is not a dependency of ours: it ships inside aws-cdk-lib (which runs it on top-level
 * stacks only). Prefer a hoisted copy if npm ever installs one, else take aws-cdk-lib's.
 */
function loadValidator(): typeof CfnValidate {
  const require = createRequire(import.meta.url);
  try {
    return require('@aws/cloudformation-validate') as typeof CfnValidate;
  } catch {
    const cdkLib = dirname(require.resolve('aws-cdk-lib/package.json'));
    return require(join(cdkLib, 'node_modules', '@aws', 'cloudformation-validate')) as typeof CfnValidate;
  }
}

/**
 * Expands directories into the templates they hold (CDK's `*.template.json`, and YAML for hand-written
 * stacks), skipping CDK asset folders whose bundled files are not templates.
 */
export function collectTemplates(paths: string[]): string[] {
  const found: string[] = [];
  const visit = (path: string): void => {
    if (!statSync(path).isDirectory()) {
      found.push(path);
      return;
    }
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('asset.') && entry.name !== 'node_modules') visit(child);
      } else if (TEMPLATE_FILE.test(entry.name)) {
        found.push(child);
      }
    }
  };
  for (const path of paths) visit(resolve(path));
  return found.sort();
}

export type ValidationOptions = {
  /** The Region pseudo parameters resolve to (the templates are checked for more than one). */
  region?: string;
  /** Parameter values a template is checked with (an environment's parameter file), by template. */
  parameterOverrides?: (file: string) => Record<string, string> | undefined;
};

/** Validates each template with one engine (its start-up dominates: ~2 s, then milliseconds each). */
export function validateTemplates(files: string[], options: ValidationOptions = {}): TemplateValidation {
  const { CompositeEngine, TemplateFile } = loadValidator();
  const engine = new CompositeEngine();
  const findings: TemplateFinding[] = [];
  try {
    for (const file of files) {
      const parameterOverrides = options.parameterOverrides?.(file);
      const report = engine.validateTemplate(new TemplateFile(file), {
        detailLevel: 'STANDARD',
        severityLevel: 'WARN',
        ...(options.region ? { pseudoParameterOverrides: { region: options.region } } : {}),
        ...(parameterOverrides ? { parameterOverrides } : {}),
      });
      for (const d of report.diagnostics) {
        findings.push({
          file,
          severity: d.severity,
          ruleId: d.ruleId,
          message: d.message,
          logicalId: d.entity?.logicalId,
          propertyPath: d.propertyPath,
          line: d.startLine,
        });
      }
    }
  } finally {
    engine.free();
  }
  return { templates: files, findings, errors: findings.filter((f) => FAILING.has(f.severity)) };
}

/** Errors in full, warnings summarized by rule, then the counts. */
export function formatValidation(result: TemplateValidation, options: { verbose?: boolean } = {}): string {
  const where = (f: TemplateFinding) =>
    [relative(process.cwd(), f.file) + (f.line ? `:${f.line}` : ''), f.logicalId, f.propertyPath]
      .filter(Boolean)
      .join(' ');
  const lines = result.errors.map((f) => `  ${f.severity} ${f.ruleId} ${where(f)}\n      ${f.message}`);
  const warnings = result.findings.filter((f) => !FAILING.has(f.severity));
  if (options.verbose) {
    lines.push(...warnings.map((f) => `  ${f.severity} ${f.ruleId} ${where(f)}\n      ${f.message}`));
  } else if (warnings.length > 0) {
    const byRule = new Map<string, number>();
    for (const w of warnings) byRule.set(w.ruleId, (byRule.get(w.ruleId) ?? 0) + 1);
    const summary = [...byRule].map(([rule, n]) => `${rule}×${n}`).join(', ');
    lines.push(`  warnings by rule: ${summary} (--verbose lists them)`);
  }
  lines.push(
    `validate-templates: ${result.templates.length} templates, ${result.errors.length} errors, ${warnings.length} warnings`,
  );
  return lines.join('\n');
}

function main(argv: string[]): number {
  const verbose = argv.includes('--verbose');
  const paths = argv.filter((a) => !a.startsWith('--'));
  const targets = paths.length > 0 ? paths : ['cdk.out'];
  const missing = targets.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.error(`validate-templates: not found: ${missing.join(', ')}`);
    return 2;
  }
  const files = collectTemplates(targets);
  if (files.length === 0) {
    console.error(`validate-templates: no templates under ${targets.join(', ')}`);
    return 2;
  }
  const result = validateTemplates(files);
  console.log(formatValidation(result, { verbose }));
  return result.errors.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
