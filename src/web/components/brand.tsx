// The product name with its mark, as every layout's header shows it.
import { BrandMark } from './icons';

export const PRODUCT_NAME = 'Courier Voicebot';

export function Brand({ subtitle }: { subtitle?: string }) {
  return (
    <span className="brand">
      <BrandMark />
      <span className="brand__text">
        <span className="brand__name">{PRODUCT_NAME}</span>
        {subtitle && <span className="brand__subtitle">{subtitle}</span>}
      </span>
    </span>
  );
}
