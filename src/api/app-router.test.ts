import { describe, expect, it } from 'vitest';
import { appRouter, FUNCTION_ROUTERS } from './app-router';

/** The fields each cloud function is the handler of in amplify/data/resource.ts, from Amplify's own transform. */
async function fieldsByFunction(): Promise<Map<string, Set<string>>> {
  const mod = (await import('../../amplify/data/resource')) as unknown as {
    data: {
      props: {
        schema: { transform(): { lambdaFunctions: Record<string, { props: { name?: string } }> } };
      };
    };
  };
  const byFunction = new Map<string, Set<string>>();
  for (const [slot, fn] of Object.entries(mod.data.props.schema.transform().lambdaFunctions)) {
    // Amplify names each field's data source Fn<Field>.
    const field = slot.replace(/^Fn(.)/, (_, first: string) => first.toLowerCase());
    const name = fn.props.name ?? '(unnamed)';
    byFunction.set(name, (byFunction.get(name) ?? new Set()).add(field));
  }
  return byFunction;
}

const fieldsOf = (router: { handlers: Map<string, unknown> }) =>
  [...router.handlers.keys()].map((key) => key.split('.')[1]!).sort();

describe('which function answers which field', () => {
  it('routes in each cloud function exactly the fields the schema gives it, and locally every field', async () => {
    // Arrange
    const schema = await fieldsByFunction();

    // Act
    const routed = Object.fromEntries(Object.entries(FUNCTION_ROUTERS).map(([name, r]) => [name, fieldsOf(r)]));
    const declared = Object.fromEntries([...schema].map(([name, fields]) => [name, [...fields].sort()]));

    // Assess
    expect(routed).toEqual(declared);
    expect(routed['api-voicebot']).toContain('startDeployment');
    expect(routed['api-summaries']).toEqual(['executiveSummaries', 'generateExecutiveSummary']);
    expect(fieldsOf(appRouter)).toEqual(Object.values(routed).flat().sort());
  }, 60_000);
});
