// Step: the intents with their sample utterances, code hooks and confirmation, then each intent's slots
// (with the elicitation prompts the admin may have edited) and the slots' priorities. Everything is found
// by name and only written when it differs, so a prompt edit becomes an UpdateSlot in place.
import {
  CreateIntentCommand,
  CreateSlotCommand,
  DescribeIntentCommand,
  DescribeSlotCommand,
  UpdateIntentCommand,
  UpdateSlotCommand,
} from '@aws-sdk/client-lex-models-v2';
import { intentIdsByName, slotIdsByName } from '../lex-lookup';
import { DRAFT, intentSpec, matchesSpec, slotSpec } from '../lex-spec';
import { required, summarize, type ProvisioningStep } from '../step';

export const intentsStep: ProvisioningStep = {
  key: 'intents',
  title: 'Intents and slots',
  plan: (settings) =>
    `Create or update the intents with their slots, prompts and code hooks${
      Object.keys(settings.promptOverrides[settings.localeId] ?? {}).length > 0 ? ', with your prompt edits' : ''
    }`,
  async run(ctx) {
    const lex = ctx.clients.lex;
    const botId = required(ctx, 'botId');
    const localeId = ctx.settings.localeId;
    const scope = { botId, botVersion: DRAFT, localeId };
    const prompts = ctx.definition.prompts[localeId];
    const outcomes: Array<'created' | 'updated' | 'unchanged'> = [];
    const outputs: Record<string, string> = {};
    const existingIntents = await intentIdsByName(lex, { botId, localeId });

    for (const intent of ctx.definition.intents) {
      const spec = intentSpec(intent, ctx.definition, localeId);
      let intentId = existingIntents.get(intent.name);
      let intentCreated = false;
      if (!intentId) {
        const out = await lex.send(new CreateIntentCommand({ ...scope, ...spec }));
        intentId = out.intentId;
        if (!intentId) throw new Error(`CreateIntent returned no id for ${intent.name}.`);
        intentCreated = true;
      }
      const intentResource = {
        kind: 'lexIntent' as const,
        name: intent.name,
        id: intentId,
        scope: { botId, localeId },
      };
      ctx.record({ ...intentResource, created: intentCreated });

      const slotIds: string[] = [];
      const existingSlots = intentCreated
        ? new Map<string, string>()
        : await slotIdsByName(lex, { botId, localeId, intentId });
      for (const slot of intent.slots) {
        const { slotTypeName, ...rest } = slotSpec(slot, intent, prompts);
        const slotTypeId = slotTypeName.startsWith('AMAZON.') ? slotTypeName : ctx.values[`slotType:${slotTypeName}`];
        if (!slotTypeId) throw new Error(`Slot type ${slotTypeName} was not provisioned before intent ${intent.name}.`);
        const desired = { ...rest, slotTypeId };
        const slotScope = { ...scope, intentId };
        let slotId = existingSlots.get(slot.name);
        const slotResource = {
          kind: 'lexSlot' as const,
          name: `${intent.name}.${slot.name}`,
          scope: { botId, localeId, intentId },
        };
        if (!slotId) {
          const out = await lex.send(new CreateSlotCommand({ ...slotScope, ...desired }));
          slotId = out.slotId;
          if (!slotId) throw new Error(`CreateSlot returned no id for ${intent.name}.${slot.name}.`);
          ctx.record({ ...slotResource, id: slotId, created: true });
          outcomes.push('created');
        } else {
          const current = await lex.send(new DescribeSlotCommand({ ...slotScope, slotId }));
          if (matchesSpec(desired, current)) {
            ctx.record({ ...slotResource, id: slotId, created: false });
            outcomes.push('unchanged');
          } else {
            await lex.send(new UpdateSlotCommand({ ...slotScope, slotId, ...desired }));
            ctx.record({ ...slotResource, id: slotId, created: false, updated: true });
            outcomes.push('updated');
          }
        }
        slotIds.push(slotId);
      }

      // Slot priorities can only name slots that exist, so the intent is completed after its slots.
      const complete = {
        ...spec,
        ...(slotIds.length > 0 ? { slotPriorities: slotIds.map((slotId, i) => ({ priority: i + 1, slotId })) } : {}),
      };
      const current = await lex.send(new DescribeIntentCommand({ ...scope, intentId }));
      if (!matchesSpec(complete, current)) {
        await lex.send(new UpdateIntentCommand({ ...scope, intentId, ...complete }));
        if (!intentCreated) ctx.record({ ...intentResource, created: false, updated: true });
        outcomes.push(intentCreated ? 'created' : 'updated');
      } else {
        outcomes.push(intentCreated ? 'created' : 'unchanged');
      }
      outputs[`intent:${intent.name}`] = intentId;
    }
    ctx.note(summarize(outcomes));
    return outputs;
  },
};
