/* The search page (templates/search.html, plugins/search): searches Pagefind's index of this
   language as the reader types, and lists the results with a heading each; how many were
   found is announced in a live region. Pagefind's module and its WebAssembly load from the
   index's folder only once the reader reaches for the field (the page's own policy allows
   them). Pages this language shows untranslated are indexed once, in their own language:
   that language's index is searched too, keeping only them, and they link to their address
   here. Without this script the form stays hidden and the A–Z index lists every page. */

const form = document.querySelector("[data-search]");
if (form) {
  start(form);
}

function start(form) {
  const status = document.querySelector("[data-search-status]");
  const section = document.querySelector("[data-search-results]");
  const list = document.querySelector("[data-search-list]");
  const more = document.querySelector("[data-search-more]");
  const field = form.elements.q;
  const selects = Array.from(form.querySelectorAll("select"));
  const lang = form.dataset.lang;
  const also = (form.dataset.also || "").split(" ").filter(Boolean);
  const index = new URL(form.dataset.index, document.baseURI);
  const root = new URL("../", index);
  // A large site's index is made in parts (SEARCH_PART_PAGES): each is searched, and the
  // results are ranked together.
  const parts = Array.from({ length: Number(form.dataset.parts) || 1 }, (_, at) => at + 1);
  const locale = form.dataset.locale;
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const kinds = {};
  Array.from(form.elements.type.options).forEach((option) => {
    kinds[option.value] = option.textContent;
  });
  const BATCH = 10;
  let indexes = null;
  let results = [];
  let shown = 0;
  let latest = 0;
  let timer = null;

  function text(name, values) {
    const template = form.getAttribute("data-text-" + name) || "";
    return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));
  }

  function element(name, className) {
    const made = document.createElement(name);
    if (className) {
      made.className = className;
    }
    return made;
  }

  // This language's index, and one of each language whose pages this one shows untranslated
  // (they are indexed once, in their own language), in each part of the index. Each is a
  // module of its own, with its own worker and WebAssembly (so its own stemming), imported
  // under its own address. Pagefind takes an index's language from <html lang> as it starts:
  // for that one synchronous call the attribute names the other language, and is put back
  // before anything can see it.
  function load() {
    if (!indexes) {
      const codes = [...(form.hasAttribute("data-own") ? [lang] : []), ...also];
      const opening = codes.flatMap((code) => parts.map((part) => open(code, part)));
      indexes = Promise.all(opening).then((opened) => opened.filter(Boolean));
      indexes.catch(() => {
        indexes = null; // try again with the next search
      });
    }
    return indexes;
  }

  // A part without pages in ``code`` is left out: Pagefind would search another language's
  // index of that part instead.
  async function open(code, part) {
    const url = new URL(part > 1 ? "part-" + part + "/pagefind.js" : "pagefind.js", index);
    if (parts.length > 1) {
      const entry = await (await fetch(new URL("pagefind-entry.json", url))).json();
      if (!entry.languages[code]) {
        return null;
      }
    }
    if (code !== lang) {
      url.search = "?" + code;
    }
    const module = await import(url.href);
    await module.options({ excerptLength: 24 });
    const html = document.documentElement;
    const own = html.getAttribute("lang");
    html.setAttribute("lang", code);
    try {
      module.init();
    } finally {
      html.setAttribute("lang", own);
    }
    return { code, module };
  }

  function chosen() {
    const filters = {};
    selects.forEach((select) => {
      if (select.value) {
        filters[select.name] = select.value;
      }
    });
    return filters;
  }

  function remember(term, filters) {
    const params = new URLSearchParams();
    if (term) {
      params.set("q", term);
    }
    Object.keys(filters).forEach((name) => params.set(name, filters[name]));
    const search = params.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }

  function clear() {
    results = [];
    shown = 0;
    list.replaceChildren();
    section.hidden = true;
    more.hidden = true;
    status.textContent = "";
  }

  async function run() {
    const id = ++latest;
    const term = field.value.trim();
    const filters = chosen();
    remember(term, filters);
    if (!term && !Object.keys(filters).length) {
      clear();
      return;
    }
    status.textContent = text("searching", {});
    let found;
    try {
      const searches = (await load()).map(({ code, module }) =>
        module.search(term || null, {
          filters: code === lang ? filters : { ...filters, standin: lang },
        }),
      );
      found = await Promise.all(searches);
    } catch (error) {
      if (id === latest) {
        clear();
        status.textContent = text("failed", {});
      }
      return;
    }
    if (id !== latest) {
      return; // a later search has replaced this one
    }
    results = found.flatMap((one) => (one ? one.results : [])).sort((a, b) => b.score - a.score);
    shown = 0;
    list.replaceChildren();
    await showMore(false);
    if (id !== latest) {
      return;
    }
    const num = numbers.format(results.length);
    if (!results.length) {
      status.textContent = text("none", { query: term });
    } else {
      status.textContent = term ? text("found", { query: term, num }) : text("filtered", { num });
    }
    section.hidden = !results.length;
  }

  async function showMore(focus) {
    const id = latest;
    const batch = results.slice(shown, shown + BATCH);
    shown += batch.length;
    const pages = await Promise.all(batch.map((result) => result.data()));
    if (id !== latest) {
      return;
    }
    const items = pages.map(render);
    list.append(...items);
    more.hidden = shown >= results.length;
    if (focus && items.length) {
      items[0].querySelector("a").focus();
    }
  }

  function render(page) {
    const meta = page.meta || {};
    const filters = page.filters || {};
    const here = meta["url_" + lang];
    const untranslated = Boolean(here && (filters.standin || []).includes(lang));
    const item = element("li", "search-result");
    const heading = element("h3", "search-result-title");
    const link = element("a");
    link.href = untranslated ? new URL(here, root).pathname : page.url;
    link.textContent = meta.title || page.url;
    heading.append(link);
    const details = element("p", "card-meta");
    const parts = [];
    const kind = (filters.type || [])[0];
    if (kind) {
      parts.push(document.createTextNode(kinds[kind] || kind));
    }
    if (meta.date) {
      const time = element("time");
      time.dateTime = meta.date;
      time.textContent = dates.format(new Date(meta.date + "T00:00:00Z"));
      parts.push(time);
    }
    if (untranslated) {
      parts.push(document.createTextNode(form.getAttribute("data-untranslated-" + meta.lang) || meta.lang));
    }
    parts.forEach((part, position) => {
      if (position) {
        details.append(" · ");
      }
      details.append(part);
    });
    const excerpt = element("p", "search-excerpt");
    excerpt.append(...marked(page.excerpt || ""));
    if (untranslated && meta.lang) {
      link.lang = meta.lang;
      excerpt.lang = meta.lang;
    }
    item.append(heading, details, excerpt);
    return item;
  }

  // Pagefind's excerpt is HTML with <mark> around the words found: only its text and those
  // marks are kept, parsed in an inert <template>.
  function marked(html) {
    const template = document.createElement("template");
    template.innerHTML = html;
    return Array.from(template.content.childNodes).map((node) => {
      if (node.nodeName === "MARK") {
        const mark = element("mark");
        mark.textContent = node.textContent;
        return mark;
      }
      return document.createTextNode(node.textContent);
    });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });
  field.addEventListener("focus", () => load().catch(() => {}), { once: true });
  selects.forEach((select) => select.addEventListener("change", run));
  more.addEventListener("click", () => showMore(true));

  const params = new URLSearchParams(location.search);
  field.value = params.get("q") || "";
  selects.forEach((select) => {
    const value = params.get(select.name);
    if (value && Array.from(select.options).some((option) => option.value === value)) {
      select.value = value;
    }
  });
  form.hidden = false;
  if (field.value || Object.keys(chosen()).length) {
    run();
  }
}
