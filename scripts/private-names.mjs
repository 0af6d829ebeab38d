// The kit's own property names, which the CDN build shortens (esbuild.mjs): a lowercase name ending in `_`, as
// `flows_`. test/build/private-names.test.ts shows in each browser that no platform property is named so.
export const PRIVATE_NAME = /^[a-z][A-Za-z]*_$/;
