/**
 * Rehub's second auth scheme: `POST /auth` trades SkyHub's credentials for a JWT valid 6 hours,
 * sent as `Authorization: Bearer` to `/rehub/*`. Signed with HS256 under a key derived from
 * CAIS_SECRET_KEY, so every process of one installation accepts the others' tokens.
 */
import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { ApiPrincipal } from '../accounts/api-key-auth.ts';

export const TOKEN_TTL_SECONDS = 6 * 60 * 60;
const ISSUER = 'cais';
const AUDIENCE = 'rehub';

export function rehubSigningKey(secretKey: Buffer): Uint8Array {
  return createHmac('sha256', secretKey).update('cais rehub jwt v1').digest();
}

export function issueToken(key: Uint8Array, principal: ApiPrincipal): Promise<string> {
  return new SignJWT({ acc: principal.accountId, key: principal.apiKeyId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_TTL_SECONDS}s`)
    .sign(key);
}

/** The principal a valid token names, or undefined (expired, forged, malformed). */
export async function verifyToken(key: Uint8Array, token: string): Promise<ApiPrincipal | undefined> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    if (typeof payload.acc !== 'number' || typeof payload.key !== 'number') return undefined;
    return { accountId: payload.acc, apiKeyId: payload.key };
  } catch {
    return undefined;
  }
}
