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
