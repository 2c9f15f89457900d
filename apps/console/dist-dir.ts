import { fileURLToPath } from 'node:url';

/** Where `npm run build:console` writes the console; the API serves this folder at `/console/`. */
export const CONSOLE_DIST_DIR = fileURLToPath(new URL('./dist', import.meta.url));
/** The console's package folder (for building it on first start). */
export const CONSOLE_ROOT_DIR = fileURLToPath(new URL('.', import.meta.url));
