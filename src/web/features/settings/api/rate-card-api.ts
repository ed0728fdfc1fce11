// The courier rate card's calls (Req 12.4): read it, and set it (against the version edited) from a day on.
import { runOperation } from '../../../lib/graphql-client';
import {
  RateCardDocument,
  SetRateCardDocument,
  type RateCardRatesInput,
  type RateCardSettingFieldsFragment,
} from '../../../../generated/graphql';

export type RateCardSetting = RateCardSettingFieldsFragment;
export type RatesInput = RateCardRatesInput;

export const fetchRateCardSetting = async (): Promise<RateCardSetting> =>
  (await runOperation(RateCardDocument, {})).rateCard;

export const saveRateCard = async (
  rates: RatesInput | null,
  effectiveFrom: string | null,
  expectedVersion: number,
): Promise<RateCardSetting> =>
  (await runOperation(SetRateCardDocument, { rates, effectiveFrom, expectedVersion })).setRateCard;
