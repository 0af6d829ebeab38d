// oidc-provider prints "Unsupported runtime. Use Node.js v22.x LTS…" as it loads on Node 20, which this kit supports
// (package.json engines) and its tests run on: each start of the local IMS would print a warning nobody is to act
// on. Imported before oidc-provider, this loads it with that one line held back; any other warning still shows.
const warn = console.warn;
console.warn = (...args) => {
  if (!String(args[0]).includes('oidc-provider WARNING: Unsupported runtime.')) warn.apply(console, args);
};
try {
  await import('oidc-provider');
} finally {
  console.warn = warn;
}
