/* Decap CMS, fitted to the campaign kit's files. admin/index.html loads this before Decap.
 *
 * 1. Formats. The kit reads Markdown with `Key: value` lines, then a blank line, then the
 *    text (Python-Markdown's meta extension, as Pelican uses it); Decap writes YAML front
 *    matter. Each collection gets a format of its own, "kit-<collection>", that reads and
 *    writes the kit's lines, told by plugins/cms/config.py which keys hold lists, whole
 *    numbers, yes or no, or references to records kept in a folder of their own.
 * 2. Paths. The kit's original is `about.md` and its translations `about.fr.md`; Decap calls
 *    the original `about.en.md` (the default language's code). Every path between Decap and
 *    the backend is translated, both ways.
 * 3. Translations hold only text. Decap saves a file in every language of a new entry, even
 *    those left empty, and may fill in other keys there (a reference): a translation file
 *    keeps only the keys translations give, and one with no text left is not saved (the
 *    kit would refuse a translation without its title).
 *
 * It then starts Decap itself (window.CMS_MANUAL_INIT), so that all this is in place before
 * Decap reads its configuration. Under Node (the tests) it only exports its functions.
 */
(function (root) {
  'use strict';

  // Python-Markdown's meta extension, line by line (markdown/extensions/meta.py).
  const META = /^ {0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
  const MORE = /^ {4,}(.*)$/;
  const BEGIN = /^-{3}(\s.*)?$/;
  const END = /^(-{3}|\.{3})(\s.*)?$/;
  // Where the editor keeps the keys a file wrote, in their order (see plugins/cms/config.py).
  const KEYS = 'kit:keys';
  const INDENT = '    ';

  /** A line with its tabs turned into spaces, to the next multiple of 4, as Markdown does. */
  function expandTabs(line) {
    let out = '';
    for (const character of line) {
      out += character === '\t' ? ' '.repeat(4 - (out.length % 4)) : character;
    }
    return out;
  }

  /** The metadata (lower-case key -> its lines, in file order) and the text of a file. */
  function readMeta(text) {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const meta = {};
    let index = lines.length && BEGIN.test(expandTabs(lines[0])) ? 1 : 0;
    let key = null;
    for (; index < lines.length; index += 1) {
      const line = expandTabs(lines[index]);
      if (line.trim() === '' || END.test(line)) {
        index += 1; // the blank line ends the metadata and is not part of the text
        break;
      }
      const found = META.exec(line);
      const more = key && !found && MORE.exec(line);
      if (found) {
        key = found[1].toLowerCase();
        (meta[key] = meta[key] || []).push(found[2].trim());
      } else if (more) {
        meta[key].push(more[1].trim());
      } else {
        break; // not metadata: the text starts on this line
      }
    }
    return { meta, body: lines.slice(index).join('\n') };
  }

  function withSuffix(value, kind) {
    return kind.suffix ? value + kind.suffix : value;
  }

  function withoutSuffix(value, kind) {
    return kind.suffix && value.endsWith(kind.suffix) ? value.slice(0, -kind.suffix.length) : value;
  }

  /** One key's lines as the editor's value: a list, a number, yes/no, or text. */
  function fromLines(lines, kind) {
    if (kind.list) {
      // one line is split at its commas; several lines are one value each (as the kit reads)
      const items = lines.length > 1 ? lines : lines[0].split(',');
      return items.map((item) => item.trim()).filter(Boolean).map((item) => withSuffix(item, kind));
    }
    const text = lines.join('\n');
    if (kind.integer && /^-?\d+$/.test(text)) return Number(text);
    if (kind.boolean && /^(yes|true|no|false)$/i.test(text)) return /^(yes|true)$/i.test(text);
    return text ? withSuffix(text, kind) : text;
  }

  /** A file as the editor's data: each key under its lower-case name, the text as "body". */
  function fromFile(schema, text) {
    if (typeof text !== 'string') return {}; // a backend's missing file
    const { meta, body } = readMeta(text);
    const data = { [KEYS]: Object.keys(meta) };
    for (const [key, lines] of Object.entries(meta)) {
      data[key] = fromLines(lines, schema[key] || {});
    }
    if (body.trim()) data.body = body;
    return data;
  }

  /** One key's lines in a file, or none for an empty value ("leave a value out"). */
  function toLines(key, value, kind) {
    const label = key.charAt(0).toUpperCase() + key.slice(1); // "image-alt" -> "Image-alt"
    if (value === null || value === undefined) return [];
    if (Array.isArray(value) || kind.list) {
      const given = Array.isArray(value) ? value : String(value).split(',');
      const items = given.map((item) => withoutSuffix(String(item).trim(), kind)).filter(Boolean);
      if (!items.length) return [];
      // commas separate values on one line: a value with a comma needs a line of its own,
      // and a lone value on a line of its own starts one line down, or it would be split
      const perLine =
        items.some((item) => item.includes(',')) || (kind.list === 'lines' && items.length > 1);
      if (!perLine) return [`${label}: ${items.join(', ')}`];
      if (items.length === 1) return [`${label}:`, INDENT + items[0]];
      return [`${label}: ${items[0]}`, ...items.slice(1).map((item) => INDENT + item)];
    }
    if (typeof value === 'boolean') return [`${label}: ${value ? 'yes' : 'no'}`];
    // a value on several lines goes on indented lines; an empty line would end the metadata
    const lines = withoutSuffix(String(value), kind)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (!lines.length) return [];
    return [`${label}: ${lines[0]}`, ...lines.slice(1).map((line) => INDENT + line)];
  }

  /** The editor's data as a file: the keys the file had, in its order, then the others in the
   * collection's order (sortedKeys, from Decap), a blank line, and the text. */
  function toFile(schema, data, sortedKeys) {
    const order = new Set([...(data[KEYS] || []), ...(sortedKeys || []), ...Object.keys(data)]);
    const lines = [];
    for (const key of order) {
      if (key !== 'body' && key !== KEYS && key in data) {
        lines.push(...toLines(key, data[key], schema[key] || {}));
      }
    }
    const body = typeof data.body === 'string' ? data.body : '';
    if (lines.length) return `${lines.join('\n')}\n${body ? `\n${body}` : ''}`;
    // a text alone must not start with what reads as metadata
    const first = expandTabs(body.split('\n')[0]);
    const ambiguous =
      body && (first.trim() === '' || META.test(first) || BEGIN.test(first) || END.test(first));
    return ambiguous ? `\n${body}` : body;
  }

  /** The language code a path ends in (`about.fr.md`), if it is one of the site's. */
  function localeOf(path, site) {
    const found = /\.([^./]+)\.md$/.exec(path);
    return found && site.locales.includes(found[1]) ? found[1] : null;
  }

  /** The kit's `about.md` as Decap calls it, `about.en.md`; other paths are the same. */
  function toDecapPath(path, site) {
    if (!path.endsWith('.md') || localeOf(path, site)) return path;
    return `${path.slice(0, -3)}.${site.default_locale}.md`;
  }

  /** Decap's `about.en.md` as the kit calls it, `about.md`. */
  function toRepoPath(path, site) {
    const suffix = `.${site.default_locale}.md`;
    return path.endsWith(suffix) ? `${path.slice(0, -suffix.length)}.md` : path;
  }

  /** What a translation file keeps: only the keys translations give (Decap may fill in
   * others, such as a reference, in every language) and its text; null when no text is left
   * (Decap saves a file in every language of a new entry, even those left empty). Leaving
   * such a file out also leaves a translation emptied in the editor as it was in the
   * repository: delete the file there to remove a translation. */
  function translationText(schema, raw) {
    const data = fromFile(schema, raw);
    for (const key of Object.keys(data)) {
      if (key !== 'body' && key !== KEYS && !(schema[key] || {}).translatable) delete data[key];
    }
    // a new entry's Status is not a text
    const text = Object.keys(data).some((key) => key !== KEYS && key !== 'status');
    return text ? toFile(schema, data, []) : null;
  }

  /** ``list`` with ``change`` applied to each entry's path, keeping what Decap hangs on the
   * list itself (its cursor, under a symbol). */
  function mapEntries(list, change) {
    const out = list.map((entry) => ({
      ...entry,
      file: { ...entry.file, path: change(entry.file.path) },
    }));
    for (const symbol of Object.getOwnPropertySymbols(list)) out[symbol] = list[symbol];
    return out;
  }

  /** A backend that speaks Decap's paths on one side and the repository's on the other. */
  function adapt(backend, site) {
    const decap = (path) => toDecapPath(path, site);
    const repo = (path) => toRepoPath(path, site);
    const call = (name, ...args) => backend[name](...args);
    const overrides = {
      entriesByFolder: async (...args) =>
        mapEntries(await call('entriesByFolder', ...args), decap),
      allEntriesByFolder: async (...args) =>
        mapEntries(await call('allEntriesByFolder', ...args), decap),
      async traverseCursor(...args) {
        const result = await call('traverseCursor', ...args);
        return { ...result, entries: mapEntries(result.entries, decap) };
      },
      async entriesByFiles(files) {
        const given = files.map((file) => ({ ...file, path: repo(file.path) }));
        return mapEntries(await call('entriesByFiles', given), decap);
      },
      async getEntry(path) {
        const entry = await call('getEntry', repo(path));
        return { ...entry, file: { ...entry.file, path: decap(entry.file.path) } };
      },
      persistEntry(entry, options) {
        const schema = site.formats[`kit-${options.collectionName}`] || {};
        const dataFiles = [];
        for (const file of entry.dataFiles) {
          const locale = localeOf(file.path, site);
          const translation = locale && locale !== site.default_locale;
          const raw = translation ? translationText(schema, file.raw) : file.raw;
          if (raw === null) continue;
          const moved = file.newPath && { newPath: repo(file.newPath) };
          dataFiles.push({ ...file, raw, path: repo(file.path), ...moved });
        }
        return call('persistEntry', { ...entry, dataFiles }, options);
      },
      deleteFiles: (paths, ...args) => call('deleteFiles', paths.map(repo), ...args),
      async unpublishedEntry(...args) {
        const entry = await call('unpublishedEntry', ...args);
        const diffs = entry.diffs.map((diff) => ({ ...diff, path: decap(diff.path) }));
        return { ...entry, diffs };
      },
      unpublishedEntryDataFile: (collection, slug, path, ...args) =>
        call('unpublishedEntryDataFile', collection, slug, repo(path), ...args),
    };
    return new Proxy(backend, {
      get(target, name) {
        if (Object.hasOwn(overrides, name) && typeof target[name] === 'function') {
          return overrides[name];
        }
        const value = target[name];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** Register the formats, fit the site's backend, start Decap. */
  function start(CMS, site) {
    for (const [name, schema] of Object.entries(site.formats)) {
      CMS.registerCustomFormat(name, 'md', {
        fromFile: (text) => fromFile(schema, text),
        toFile: (data, sortedKeys) => toFile(schema, data, sortedKeys),
      });
    }
    const backend = CMS.getBackend(site.backend);
    const init = backend.init;
    backend.init = (...args) => adapt(init(...args), site);
    CMS.init();
  }

  const exported = { readMeta, fromFile, toFile, toDecapPath, toRepoPath, translationText, adapt };
  if (typeof module === 'object' && module.exports) {
    module.exports = exported;
    return;
  }
  root.CMS_MANUAL_INIT = true;
  root.addEventListener('DOMContentLoaded', () => {
    start(root.CMS, JSON.parse(root.document.getElementById('kit-cms').textContent));
  });
})(typeof window === 'undefined' ? globalThis : window);
