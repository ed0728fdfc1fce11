// The demo partners' API tokens for the local stack: one per demo partner with every scope and 60 requests a
// minute. The plaintext lives only in DATA_DIR/demo-partner-tokens.json (DynamoDB keeps the hash, as in the
// cloud); a token that was lost, revoked or has expired is replaced on the next start.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiDeps } from '../../api/deps';
import { PARTNER_SCOPES, issuePartnerToken, parsePartnerToken, tokenRefusal } from '../../core/partner-tokens';
import type { PartnerScope, Principal } from '../../core/model';

export const DEMO_PARTNER_TOKENS_FILE = 'demo-partner-tokens.json';
export const DEMO_PARTNER_IDS = ['acme', 'globex'] as const;
export const DEMO_TOKEN_RATE_LIMIT_PER_MINUTE = 60;
const DEMO_TOKEN_LIFETIME_MS = 365 * 24 * 60 * 60_000;

export type DemoPartnerToken = {
  partnerId: string;
  partnerName: string;
  tokenId: string;
  /** The token string to send: shown for the local demo only. */
  token: string;
  scopes: PartnerScope[];
  rateLimitPerMinute: number;
  expiresAt: string;
};

const SEED_ADMIN: Principal = { role: 'ADMIN', sub: 'demo-seed', name: 'Demo seed' };

/** The demo tokens saved in `dataDir`, as issued (whether still valid or not); empty when none were saved. */
export async function readDemoPartnerTokens(dataDir: string): Promise<DemoPartnerToken[]> {
  const raw = await readFile(join(dataDir, DEMO_PARTNER_TOKENS_FILE), 'utf8').catch(() => undefined);
  if (raw === undefined) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? (parsed as DemoPartnerToken[]) : [];
  } catch {
    return [];
  }
}

type TokenDeps = Pick<ApiDeps, 'partners' | 'partnerTokens' | 'clock' | 'random'>;

async function stillValid(saved: DemoPartnerToken, deps: TokenDeps): Promise<boolean> {
  const parsed = parsePartnerToken(saved.token);
  if (!parsed || !deps.partnerTokens) return false;
  const record = await deps.partnerTokens.get(parsed.tokenId);
  return !!record && record.partnerId === saved.partnerId && tokenRefusal(record, deps.clock.now()) === undefined;
}

/**
 * Makes sure each demo partner present has a usable token: keeps the saved ones that still work, issues the
 * rest, saves the set and returns it.
 */
export async function ensureDemoPartnerTokens(options: {
  deps: TokenDeps;
  dataDir: string;
}): Promise<DemoPartnerToken[]> {
  const { deps, dataDir } = options;
  if (!deps.partnerTokens) throw new Error('ensureDemoPartnerTokens needs deps.partnerTokens');
  const saved = await readDemoPartnerTokens(dataDir);
  const tokens: DemoPartnerToken[] = [];
  let changed = false;
  for (const partnerId of DEMO_PARTNER_IDS) {
    const partner = await deps.partners.get(partnerId);
    if (!partner) continue;
    const kept = saved.find((t) => t.partnerId === partnerId);
    if (kept && (await stillValid(kept, deps))) {
      tokens.push(kept);
      continue;
    }
    const issued = await issuePartnerToken(
      {
        partnerId,
        name: 'Demo token',
        scopes: [...PARTNER_SCOPES],
        expiresAt: new Date(deps.clock.now().getTime() + DEMO_TOKEN_LIFETIME_MS).toISOString(),
        rateLimitPerMinute: DEMO_TOKEN_RATE_LIMIT_PER_MINUTE,
      },
      SEED_ADMIN,
      { ...deps, partnerTokens: deps.partnerTokens },
    );
    tokens.push({
      partnerId,
      partnerName: partner.name,
      tokenId: issued.tokenInfo.tokenId,
      token: issued.token,
      scopes: issued.tokenInfo.scopes,
      rateLimitPerMinute: issued.tokenInfo.rateLimitPerMinute,
      expiresAt: issued.tokenInfo.expiresAt,
    });
    changed = true;
  }
  if (changed || tokens.length !== saved.length) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, DEMO_PARTNER_TOKENS_FILE), JSON.stringify(tokens, null, 2) + '\n', { mode: 0o600 });
  }
  return tokens;
}
