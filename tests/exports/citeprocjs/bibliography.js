// Render CSL-JSON items with citeproc-js, each item as a bibliography of its own.
// Usage: node bibliography.js <path of the citeproc module>  < jobs.json  > entries.json
// jobs.json: {"locales": {"sv-SE": "<path of locales-sv-SE.xml>", ...},
//             "jobs": [{"style": "<path of a .csl file>", "locale": "sv-SE", "item": {...}}, ...]}
// entries.json: the plain-text entry of each job, in order.
"use strict";
const fs = require("fs");
const CSL = require(process.argv[2]);

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const styles = new Map();
const engines = new Map();
let current = {};

const sys = {
  retrieveLocale: (lang) => {
    const path = input.locales[lang];
    return path ? fs.readFileSync(path, "utf8") : false;
  },
  retrieveItem: (id) => current[id],
};

function engine(style, locale) {
  const key = `${style}\u0000${locale}`;
  if (!engines.has(key)) {
    if (!styles.has(style)) styles.set(style, fs.readFileSync(style, "utf8"));
    const made = new CSL.Engine(sys, styles.get(style), locale, true);
    made.setOutputFormat("text");
    engines.set(key, made);
  }
  return engines.get(key);
}

const entries = input.jobs.map((job) => {
  current = { [job.item.id]: job.item };
  const citeproc = engine(job.style, job.locale);
  citeproc.updateItems([job.item.id]);
  const [, texts] = citeproc.makeBibliography();
  return texts.join("").trim();
});
process.stdout.write(JSON.stringify(entries));
