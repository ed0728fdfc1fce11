// The pre-transform (model) schema with Amplify's @auth rules: the committed graphql/model-schema.graphql when
// the synth has produced it, else derived in-process from amplify/data/resource.ts via the schema's transform().
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

type TransformableSchema = { transform(): { schema: string } };

function isTransformable(value: unknown): value is TransformableSchema {
  return typeof (value as { transform?: unknown } | undefined)?.transform === 'function';
}

/**
 * Runs Amplify's own schema processor over the data resource, so the rules can never drift from the
 * contract. Slow (it loads @aws-amplify/backend, a few seconds): development fallback only.
 */
export async function generateAuthRulesSdl(): Promise<string> {
  const mod: Record<string, unknown> = await import('../../../amplify/data/resource');
  // The resource module exports `data` (defineData's factory, which keeps its props) and maybe `schema`.
  const candidates = [mod.schema, (mod.data as { props?: { schema?: unknown } } | undefined)?.props?.schema];
  const schema = candidates.find(isTransformable);
  if (!schema) throw new Error('amplify/data/resource.ts exposes no schema with transform()');
  return schema.transform().schema;
}

/** graphql/model-schema.graphql under `rootDir` if present, otherwise a freshly generated copy. */
export async function loadAuthRulesSdl(rootDir: string): Promise<string> {
  const file = join(rootDir, 'graphql', 'model-schema.graphql');
  return existsSync(file) ? readFile(file, 'utf8') : generateAuthRulesSdl();
}
