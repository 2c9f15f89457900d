import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A secret from the environment or, in the embedded default, generated once into DATA_DIR
 * (mode 0600) so that restarts keep it. Production requires the env value (see env.ts).
 */
export function loadOrCreateSecret(dataDir: string, fileName: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = join(resolve(dataDir), fileName);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(resolve(dataDir), { recursive: true });
    const secret = randomBytes(32).toString('hex');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/**
 * The secrets a server generates into DATA_DIR when the environment does not give them: file and
 * variable of each, listed once so that every process (PORTAL_PROCESSES) reads the same files
 * (process-primary.ts creates them all before it starts any).
 */
const SERVER_SECRETS = {
  identifier: { file: 'identifier-hmac.key', variable: 'IDENTIFIER_HMAC_KEY' },
  contact: { file: 'contact-encryption.key', variable: 'CONTACT_ENCRYPTION_KEY' },
  receiptPepper: { file: 'tip-receipt-pepper.key', variable: 'TIP_RECEIPT_PEPPER' },
} as const;

export type ServerSecret = keyof typeof SERVER_SECRETS;
export const SERVER_SECRET_NAMES = Object.keys(SERVER_SECRETS) as ServerSecret[];

/** One of the server's secrets: from its variable, else from (or generated into) its file. */
export function serverSecret(
  env: { DATA_DIR: string } & Partial<Record<(typeof SERVER_SECRETS)[ServerSecret]['variable'], string>>,
  which: ServerSecret,
): string {
  const { file, variable } = SERVER_SECRETS[which];
  return loadOrCreateSecret(env.DATA_DIR, file, env[variable]);
}
