/**
 * `node --cpu-prof` for the server `npm start` runs, where the flag cannot be given (npm starts the
 * node process, and NODE_OPTIONS refuses --cpu-prof): loaded with
 * `NODE_OPTIONS=--import=<this file>` and CPU_PROFILE_DIR set, it samples the server process (not
 * npm's, not the Node version check) every 200 µs and writes `server-<pid>.cpuprofile` there when
 * the process exits. The inspector session of the main thread answers synchronously, so the
 * profile can be taken from the `exit` event. Plain JavaScript: npm's own Node (any version) loads
 * it too before it sees it has nothing to do there.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CPU_PROFILE_DIR;
if (dir && process.argv[1]?.endsWith('apps/api/src/main.ts')) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
