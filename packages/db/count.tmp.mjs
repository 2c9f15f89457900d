const r = () => Math.round(process.memoryUsage().rss / 1048576);
const a = r();
await import(process.argv[2]);
globalThis.gc();
console.log(process.argv[2], a, '->', r());
