// Verify a credential with the Digital Credentials Consortium's verifier
// (@digitalcredentials/verifier-core, from npm), offline.
//
//   node tests/credentials/dcc_verify.mjs [--summary] CREDENTIAL.json [URL=FILE ...]
//
// The JSON-LD contexts come from the verifier's own bundled document loader; did:key is
// resolved locally. The network is replaced before the verifier loads: a URL given as
// URL=FILE (the revocation list the site would publish) is answered from that file, any
// other request fails. Prints {result, requests} as JSON: what the verifier concluded and
// every URL it asked for. --summary prints one line per check instead, and exits 1 unless
// the signature, expiry and revocation checks all pass.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const summary = args[0] === "--summary";
const [file, ...served] = summary ? args.slice(1) : args;
const files = new Map(served.map((pair) => { const i = pair.indexOf("="); return [pair.slice(0, i), pair.slice(i + 1)]; }));
const requests = [];
const offline = async (input) => {
  const url = typeof input === "string" ? input : input.url || String(input);
  requests.push(url);
  if (files.has(url)) {
    return new Response(readFileSync(files.get(url)), { status: 200, headers: { "content-type": "application/json" } });
  }
  throw new TypeError(`offline: ${url} is not served`);
};
globalThis.fetch = offline;
// the verifier logs to the console; keep stdout for the result
console.log = console.info = console.warn = (...args) => process.stderr.write(args.map(String).join(" ") + "\n");

if (summary) console.log = console.error = () => {};
const { verifyCredential } = await import("@digitalcredentials/verifier-core");
const credential = JSON.parse(readFileSync(file, "utf8"));
const result = await verifyCredential({ credential, knownDIDRegistries: [] });
const plain = JSON.parse(JSON.stringify(result, (key, value) => (key === "credential" ? undefined : value instanceof Error ? { name: value.name, message: value.message } : value)));
if (summary) {
  const log = plain.log || [];
  for (const entry of log) {
    process.stdout.write(`${entry.id}: ${"valid" in entry ? entry.valid : "error: " + entry.error?.message}\n`);
  }
  for (const error of plain.errors || []) process.stdout.write(`error: ${error.name}: ${error.message}\n`);
  process.stdout.write(`network requests: ${requests.join(", ") || "none"} (all but the files given refused)\n`);
  const ok = ["valid_signature", "expiration", "revocation_status"].every((id) => log.some((e) => e.id === id && e.valid === true));
  process.exit(ok ? 0 : 1);
}
process.stdout.write(JSON.stringify({ result: plain, requests }, null, 2) + "\n");
