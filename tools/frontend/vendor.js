#!/usr/bin/env node
// Front-end libraries the Tasklist plugins use, copied from node_modules (versions locked in
// package-lock.json) into the jar's webjar folder, where they are committed: the application then
// runs with Java alone, and offline (no CDN). Run after changing a library's version in package.json:
//
//   npm ci && node tools/frontend/vendor.js           copies the files
//   node tools/frontend/vendor.js --check             fails when a committed file differs from node_modules
//
// The build runs the check (pom.xml, next to the BPMN lint).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const target = path.join(root, 'src/main/resources/META-INF/resources/webjars/camunda/app/gridcare/vendor');

// package, files copied from it (the full ECharts build carries its English and Chinese locales)
const libraries = [
  { name: 'echarts', files: ['dist/echarts.esm.min.js', 'LICENSE', 'NOTICE'] }
];

function installed(name) {
  const manifest = path.join(root, 'node_modules', name, 'package.json');
  if (!fs.existsSync(manifest)) {
    throw new Error(`node_modules/${name} is missing: run npm ci first`);
  }
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const locked = lock.packages[`node_modules/${name}`];
  const version = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
  if (!locked || locked.version !== version) {
    throw new Error(`node_modules/${name} is ${version}, package-lock.json locks ${locked && locked.version}: run npm ci`);
  }
  return version;
}

function main() {
  const check = process.argv.includes('--check');
  const problems = [];
  const versions = {};
  for (const library of libraries) {
    versions[library.name] = installed(library.name);
    for (const file of library.files) {
      const from = path.join(root, 'node_modules', library.name, file);
      const to = path.join(target, library.name, path.basename(file));
      const expected = fs.readFileSync(from);
      if (check) {
        if (!fs.existsSync(to)) {
          problems.push(`${path.relative(root, to)} is missing`);
        } else if (!expected.equals(fs.readFileSync(to))) {
          problems.push(`${path.relative(root, to)} differs from ${library.name} ${versions[library.name]} (${file})`);
        }
      } else {
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.writeFileSync(to, expected);
      }
    }
  }
  const manifest = path.join(target, 'versions.json');
  const written = JSON.stringify(versions, null, 2) + '\n';
  if (check) {
    if (!fs.existsSync(manifest) || fs.readFileSync(manifest, 'utf8') !== written) {
      problems.push(`${path.relative(root, manifest)} does not list the locked versions ${JSON.stringify(versions)}`);
    }
    if (problems.length) {
      problems.forEach(p => console.log(`error: ${p}`));
      console.log('The committed front-end libraries are not what package-lock.json gives: run node tools/frontend/vendor.js and commit.');
      process.exit(1);
    }
    console.log(`front-end libraries match package-lock.json: ${JSON.stringify(versions)}`);
  } else {
    fs.writeFileSync(manifest, written);
    console.log(`copied ${JSON.stringify(versions)} to ${path.relative(root, target)}`);
  }
}

try {
  main();
} catch (e) {
  console.log(`error: ${e.message}`);
  process.exit(1);
}
