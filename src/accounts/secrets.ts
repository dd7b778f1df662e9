import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/** A new API key: 32 random bytes, prefixed so a leaked key is recognisable in a scan. */
export function generateApiKey(): string {
  return `cais_${randomBytes(32).toString('base64url')}`;
}

export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/** API keys carry 256 bits of entropy, so a fast digest is safe and can be looked up by index. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function keyPrefix(key: string): string {
  return key.slice(0, 9);
}

// Passwords are low-entropy: scrypt with a per-password salt (N=16384, r=8, p=1, 64-byte key).
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const derived = await scryptAsync(password, salt, 64);
  return `scrypt$${salt.toString('base64url')}$${derived.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const derived = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(derived, expected);
}
