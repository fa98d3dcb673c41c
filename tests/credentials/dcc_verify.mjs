// Verify a credential with the Digital Credentials Consortium's verifier
// (@digitalcredentials/verifier-core, from npm), offline.
//
//   node tests/credentials/dcc_verify.mjs CREDENTIAL.json [URL=FILE ...]
//
// The JSON-LD contexts come from the verifier's own bundled document loader; did:key is
// resolved locally. The network is replaced before the verifier loads: a URL given as
// URL=FILE (the revocation list the site would publish) is answered from that file, any
// other request fails. Prints {result, requests} as JSON: what the verifier concluded and
// every URL it asked for.
import { readFileSync } from "node:fs";

const [file, ...served] = process.argv.slice(2);
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

const { verifyCredential } = await import("@digitalcredentials/verifier-core");
const credential = JSON.parse(readFileSync(file, "utf8"));
const result = await verifyCredential({ credential, knownDIDRegistries: [] });
const plain = JSON.parse(JSON.stringify(result, (key, value) => (key === "credential" ? undefined : value instanceof Error ? { name: value.name, message: value.message } : value)));
process.stdout.write(JSON.stringify({ result: plain, requests }, null, 2) + "\n");
