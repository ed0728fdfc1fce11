// The settings feature's calls to the API: the company's rules, saving them (against the version edited),
// and the history of changes.
import { runOperation } from '../../../lib/graphql-client';
import {
  CompanySettingsDocument,
  SettingsChangesDocument,
  UpdateCompanySettingsDocument,
  type CompanyRulesInput,
  type CompanySettingsFieldsFragment,
  type SettingsChangesQuery,
} from '../../../../generated/graphql';

export type CompanySettingsFields = CompanySettingsFieldsFragment;
export type SettingsChangeFields = SettingsChangesQuery['settingsChanges']['items'][number];
export type CompanyRules = CompanyRulesInput;

export async function fetchCompanySettings(): Promise<CompanySettingsFields> {
  return (await runOperation(CompanySettingsDocument, {})).companySettings;
}

export async function saveCompanySettings(
  rules: CompanyRules,
  expectedVersion: number,
): Promise<CompanySettingsFields> {
  return (await runOperation(UpdateCompanySettingsDocument, { rules, expectedVersion })).updateCompanySettings;
}

export async function fetchSettingsChanges(
  limit: number,
  nextToken: string | null,
): Promise<{ items: SettingsChangeFields[]; nextToken: string | null }> {
  const { settingsChanges } = await runOperation(SettingsChangesDocument, { limit, nextToken });
  return { items: settingsChanges.items, nextToken: settingsChanges.nextToken ?? null };
}
