// Step: the custom slot types (package size, yes/no, references…) in the draft locale, each found by name
// and created or updated to match the definition.
import { CreateSlotTypeCommand, DescribeSlotTypeCommand, UpdateSlotTypeCommand } from '@aws-sdk/client-lex-models-v2';
import { slotTypeIdsByName } from '../lex-lookup';
import { DRAFT, matchesSpec, slotTypeSpec } from '../lex-spec';
import { required, summarize, type ProvisioningStep } from '../step';

export const slotTypesStep: ProvisioningStep = {
  key: 'slot-types',
  title: 'Slot types',
  plan: () => 'Create or update the custom slot types of the bot definition',
  async run(ctx) {
    const lex = ctx.clients.lex;
    const scope = { botId: required(ctx, 'botId'), localeId: ctx.settings.localeId };
    const outputs: Record<string, string> = {};
    const outcomes: Array<'created' | 'updated' | 'unchanged'> = [];
    const existing = await slotTypeIdsByName(lex, scope);
    for (const type of ctx.definition.slotTypes) {
      const spec = slotTypeSpec(type, scope.localeId);
      const resource = { kind: 'lexSlotType' as const, name: type.name, scope: { ...scope } };
      let slotTypeId = existing.get(type.name);
      if (!slotTypeId) {
        const out = await lex.send(new CreateSlotTypeCommand({ ...scope, botVersion: DRAFT, ...spec }));
        slotTypeId = out.slotTypeId;
        if (!slotTypeId) throw new Error(`CreateSlotType returned no id for ${type.name}.`);
        ctx.record({ ...resource, id: slotTypeId, created: true });
        outcomes.push('created');
      } else {
        const current = await lex.send(new DescribeSlotTypeCommand({ ...scope, botVersion: DRAFT, slotTypeId }));
        if (matchesSpec(spec, current)) {
          ctx.record({ ...resource, id: slotTypeId, created: false });
          outcomes.push('unchanged');
        } else {
          await lex.send(new UpdateSlotTypeCommand({ ...scope, botVersion: DRAFT, slotTypeId, ...spec }));
          ctx.record({ ...resource, id: slotTypeId, created: false, updated: true });
          outcomes.push('updated');
        }
      }
      outputs[`slotType:${type.name}`] = slotTypeId;
    }
    ctx.note(summarize(outcomes));
    return outputs;
  },
};
