// Runs plugins/cms/kit-cms.js under Node for tests/test_cms.py: reads a JSON list of
// operations on stdin, writes the list of their results on stdout.
'use strict';

const fs = require('fs');
const path = require('path');
const kit = require(path.join(__dirname, '..', 'plugins', 'cms', 'kit-cms.js'));

/** A backend that keeps `files` (repository path -> text) and notes what it is asked. */
function fakeBackend(files) {
  const saved = [];
  const entry = (file) => ({ file: { path: file, id: file }, data: files[file] });
  const backend = {
    saved,
    async entriesByFolder(folder) {
      const list = Object.keys(files).filter((file) => file.startsWith(`${folder}/`)).map(entry);
      list[Symbol.for('cursor')] = 'kept';
      return list;
    },
    async getEntry(file) {
      if (!(file in files)) throw new Error(`no ${file}`);
      return entry(file);
    },
    async persistEntry(given) {
      saved.push(...given.dataFiles.map((dataFile) => [dataFile.path, dataFile.raw]));
    },
    async deleteFiles(paths) {
      saved.push(...paths.map((file) => [file, null]));
    },
    status: () => 'ok',
  };
  return backend;
}

async function run(op) {
  switch (op.op) {
    case 'read': {
      const data = kit.fromFile(op.schema, op.text);
      const { meta, body } = kit.readMeta(op.text);
      return { data, meta, body, text: kit.toFile(op.schema, data, op.order) };
    }
    case 'write':
      return kit.toFile(op.schema, op.data, op.order);
    case 'paths':
      return op.paths.map((file) => [
        kit.toDecapPath(file, op.site),
        kit.toRepoPath(file, op.site),
      ]);
    case 'backend': {
      const inner = fakeBackend(op.files);
      const backend = kit.adapt(inner, op.site);
      const listed = await backend.entriesByFolder(op.folder, 'md', 1);
      const read = [];
      for (const file of op.read) {
        read.push(await backend.getEntry(file).then((e) => e.file.path, () => null));
      }
      const options = { collectionName: op.collection };
      await backend.persistEntry({ dataFiles: op.save, assets: [] }, options);
      await backend.deleteFiles(op.delete, 'message');
      return {
        listed: listed.map((e) => e.file.path),
        cursor: listed[Symbol.for('cursor')] || null,
        read,
        saved: inner.saved,
        status: backend.status(),
      };
    }
    default:
      throw new Error(`unknown operation ${op.op}`);
  }
}

(async () => {
  const ops = JSON.parse(fs.readFileSync(0, 'utf-8'));
  const results = [];
  for (const op of ops) results.push(await run(op));
  process.stdout.write(JSON.stringify(results));
})().catch((error) => {
  process.stderr.write(String(error.stack || error));
  process.exit(1);
});
