import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../lib/errors';

/** argon2id at OWASP's minimum (19 MiB, 2 passes): about 11 ms a hash on this machine. */
const ARGON2_OPTIONS = {
  // Algorithm.Argon2id; the enum is a const enum, which isolated modules cannot read.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** ~49k leaked passwords shipped with @zxcvbn-ts/language-common, compared case-insensitively. */
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the email is unknown, so a wrong email
 * and a wrong password take the same time.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  return (decoy ??= hashPassword(crypto.randomUUID()));
}

/** Length rules live in the schema; this refuses the passwords attackers try first. */
export function assertPasswordAcceptable(
  password: string,
  context: { email?: string; name?: string } = {},
) {
  const lower = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (COMMON.has(lower) || (local && local.length >= 4 && lower === local)) {
    throw new AppError(
      'password_too_common',
      400,
      'That password is too common or too easy to guess. Try a longer passphrase.',
      { fields: [{ path: 'body.password', message: 'is too common' }] },
    );
  }
  if (/^(.)\1+$/.test(password)) {
    throw new AppError(
      'password_too_common',
      400,
      'A password of one repeated character is too easy to guess.',
      {
        fields: [{ path: 'body.password', message: 'is too easy to guess' }],
      },
    );
  }
}
