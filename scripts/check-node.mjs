// Plain JS on purpose: it must give a clear message even on an old Node that cannot run .ts files.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `This project runs on Node 24 (found ${process.version}). ` +
      'Run it through npm (npm start / npm test), which uses the Node 24 that `npm ci` installs into node_modules/.bin.',
  );
  process.exit(1);
}
