import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * Public signing keys published as a JWKS, fetched on first use and cached; an unknown key id
 * triggers one refetch (keys rotate), at most once a minute so a forged `kid` cannot flood Entra.
 */
export class SigningKeys {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;

  constructor(
    private readonly jwksUri: string,
    private readonly maxAgeMs = 12 * 3600_000,
  ) {}

  async get(kid: string): Promise<KeyObject | undefined> {
    const age = Date.now() - this.fetchedAt;
    if (age > this.maxAgeMs || (!this.keys.has(kid) && age > 60_000)) await this.refresh();
    return this.keys.get(kid);
  }

  private async refresh(): Promise<void> {
    const res = await fetch(this.jwksUri, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`signing keys: HTTP ${res.status}`);
    const { keys } = (await res.json()) as { keys: (JsonWebKey & { kid?: string; kty?: string })[] };
    this.keys = new Map(keys.filter((k) => k.kid && k.kty === 'RSA').map((k) => [k.kid!, createPublicKey({ key: k, format: 'jwk' })]));
    this.fetchedAt = Date.now();
  }
}
