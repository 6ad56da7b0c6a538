import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import jwt from 'jsonwebtoken';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

export const TENANT = '11111111-1111-4111-8111-111111111111';
export const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
export const APP_ID_URI = `api://tracker.oakfield.example/${CLIENT_ID}`;

/**
 * A stand-in for Entra's key discovery on loopback: publishes an RSA public key as a JWKS and signs
 * tokens shaped like Teams SSO tokens with the matching private key.
 */
export class LocalEntra {
  readonly keyId = 'local-key-1';
  private readonly privateKey: KeyObject;
  private readonly server: http.Server;
  jwksUri = '';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: this.keyId, use: 'sig', alg: 'RS256' };
    this.server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
  }

  async start(): Promise<this> {
    this.jwksUri = `${(await listenOnLoopback(this.server)).url}/keys`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** A v2 Teams SSO token for `oid`, valid for an hour unless claims say otherwise. */
  sign(claims: Record<string, unknown> = {}, options: { key?: KeyObject; kid?: string } = {}): string {
    return jwt.sign(
      {
        aud: CLIENT_ID,
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        tid: TENANT,
        oid: 'aaaaaaaa-0000-4000-8000-000000000002',
        name: 'Tom Reed',
        preferred_username: 't.reed@oakfield.example',
        exp: Math.floor(Date.now() / 1000) + 3600,
        ...claims,
      },
      options.key ?? this.privateKey,
      { algorithm: 'RS256', keyid: options.kid ?? this.keyId },
    );
  }
}
