import jwt, { type JwtPayload } from 'jsonwebtoken';
import { UnauthorizedError } from '@/kernel/errors';
import type { Authenticate, User } from '../identity';
import { JwksClient } from 'jwks-rsa';

export interface EntraSsoOptions {
  /** Tenants whose staff may sign in (the school's, or each school's in a trust). */
  tenantIds: string[];
  /** The app's client id (v2 tokens) and its `api://host/clientId` Application ID URI (v1 tokens). */
  audiences: string[];
  /** Where the signing keys are published; a function of the tenant id. */
  jwksUri: (tenantId: string) => string;
  /** The SEND team: members of these Entra groups, or these object ids. */
  sendTeamGroupIds: string[];
  sendTeamUserIds: string[];
}

/** Microsoft's published keys for a tenant (login.microsoftonline.com discovery document). */
export const entraJwksUri = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;

/** Both issuer forms Entra uses: v1 (`sts.windows.net`) and v2 (`login.microsoftonline.com/.../v2.0`). */
const issuersFor = (tenantId: string) => [`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`];

interface EntraClaims extends JwtPayload {
  tid?: string;
  oid?: string;
  name?: string;
  preferred_username?: string;
  upn?: string;
  groups?: string[];
}

/**
 * Validates the Teams SSO token on each tab API request: RS256 signature against the tenant's
 * published keys, issuer, audience (v1 and v2 forms), expiry, and a tenant allow-list.
 * @throws UnauthorizedError
 */
export function entraSso(options: EntraSsoOptions): Authenticate {
  const keysByTenant = new Map<string, JwksClient>();
  // jwks-rsa caches keys (12 h) and refetches for an unknown key id (keys rotate) at most a few
  // times a minute, so a forged `kid` cannot make us flood Entra.
  const keysFor = (tenantId: string) => {
    let keys = keysByTenant.get(tenantId);
    if (!keys) {
      keys = new JwksClient({
        jwksUri: options.jwksUri(tenantId),
        cache: true,
        cacheMaxAge: 12 * 3600_000,
        rateLimit: true,
        jwksRequestsPerMinute: 5,
        timeout: 10_000,
      });
      keysByTenant.set(tenantId, keys);
    }
    return keys;
  };

  return async (headers) => {
    const header = headers.authorization;
    const token = typeof header === 'string' && /^Bearer [\w-]+\.[\w-]+\.[\w-]*$/.test(header) ? header.slice(7) : null;
    if (!token) throw new UnauthorizedError('Sign in with Teams to use the tracker.');

    const decoded = jwt.decode(token, { complete: true });
    const unverified = decoded?.payload as EntraClaims | undefined;
    if (!decoded || decoded.header.alg !== 'RS256' || !decoded.header.kid || !unverified?.tid) {
      throw new UnauthorizedError('Your sign-in token is not valid.');
    }
    const tenantId = unverified.tid;
    if (!options.tenantIds.includes(tenantId)) throw new UnauthorizedError('Your organisation is not set up for this app.');

    let claims: EntraClaims;
    try {
      const key = (await keysFor(tenantId).getSigningKey(decoded.header.kid)).getPublicKey();
      claims = jwt.verify(token, key, {
        algorithms: ['RS256'],
        audience: options.audiences as [string, ...string[]],
        issuer: issuersFor(tenantId) as [string, ...string[]],
        clockTolerance: 60,
      }) as EntraClaims;
    } catch {
      throw new UnauthorizedError('Your sign-in token is not valid or has expired.');
    }
    if (!claims.oid) throw new UnauthorizedError('Your sign-in token has no user.');
    return userFromClaims(claims, options);
  };
}

function userFromClaims(claims: EntraClaims, options: EntraSsoOptions): User {
  const email = claims.preferred_username ?? claims.upn;
  const inGroup = (claims.groups ?? []).some((g) => options.sendTeamGroupIds.includes(g));
  return {
    id: claims.oid!,
    name: claims.name ?? email ?? 'Unknown user',
    ...(email && email.includes('@') ? { email } : {}),
    sendTeam: inGroup || options.sendTeamUserIds.includes(claims.oid!),
  };
}
