// The company's settings (Req 2.5): read, change (validated, versioned, audited) and the history of changes.
// Administrators only, but for the proof every delivery needs, which couriers read too; the core checks it again.
import {
  getCompanySettings,
  listSettingsChanges,
  requiredProofFor,
  updateCompanySettings,
  type CompanySettings,
  type SettingsChange,
} from '../../core/company-settings';
import { Router } from '../router';

function present(settings: CompanySettings) {
  return {
    ...settings,
    updatedBy: settings.updatedBy ? { sub: settings.updatedBy.sub, name: settings.updatedBy.name ?? null } : null,
  };
}

function presentChange(change: SettingsChange) {
  return {
    version: change.version,
    at: change.at,
    by: { sub: change.by.sub, name: change.by.name ?? null },
    changes: change.changes.map((c) => ({
      field: c.field,
      from: JSON.stringify(c.from ?? null),
      to: JSON.stringify(c.to ?? null),
    })),
  };
}

export const settingsRouter = new Router()
  .onQuery('companySettings', async (_args, { principal, deps }) => present(await getCompanySettings(principal, deps)))
  .onQuery('requiredProof', async (_args, { principal, deps }) => requiredProofFor(principal, deps))
  .onQuery('settingsChanges', async (args, { principal, deps }) => {
    const page = await listSettingsChanges(
      principal,
      {
        ...(typeof args.limit === 'number' ? { limit: args.limit } : {}),
        ...(typeof args.nextToken === 'string' ? { nextToken: args.nextToken } : {}),
      },
      deps,
    );
    return { items: page.items.map(presentChange), nextToken: page.nextToken ?? null };
  })
  .onMutation('updateCompanySettings', async (args, { principal, deps }) =>
    present(await updateCompanySettings(args, principal, deps)),
  );
