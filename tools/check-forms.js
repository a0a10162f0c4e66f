#!/usr/bin/env node
// Checks Camunda Forms (forms/*.form) against the form-js viewer that Camunda Tasklist 7.24 runs
// (@bpmn-io/form-js 1.8.7, locked in package-lock.json): each form is imported and rendered by that
// viewer in a DOM (jsdom), and every component is checked for a type the viewer knows, properties
// that component type reads, and FEEL expressions ("=...") and templates ("{{...}}") that parse.
// Prints one line per problem naming the file and the component; exits 1 on any problem.
//   node tools/check-forms.js [folder-or-file ...]      (default: forms)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { JSDOM } = require('jsdom');

// The viewer renders with Preact into a document: give it one before it loads.
const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });
for (const name of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent',
  'KeyboardEvent', 'MouseEvent', 'DOMParser', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame',
  'cancelAnimationFrame']) {
  if (!(name in globalThis) || name === 'window' || name === 'document') {
    Object.defineProperty(globalThis, name, { value: dom.window[name], configurable: true, writable: true });
  }
}

const viewer = require('@bpmn-io/form-js-viewer');
const { parseExpression } = require('feelin');
const { parser: templateParser } = require('feelers');

// Properties each component type of form-js 1.8 reads (from the viewer's components and its
// FormField wrapper). A property outside this list is ignored by Tasklist: a typo or a feature of a
// newer form-js that staff would silently not get.
const FIELD = ['id', 'type', 'label', 'description', 'conditional', 'layout', 'properties'];
const INPUT = [...FIELD, 'key', 'defaultValue', 'readonly', 'disabled', 'validate'];
const OPTIONS = [...INPUT, 'values', 'valuesKey', 'valuesExpression'];
const COMPONENTS = {
  default: ['id', 'type', 'components', 'schemaVersion', 'executionPlatform', 'executionPlatformVersion', 'exporter',
    'versionTag'],
  text: ['id', 'type', 'text', 'strict', 'conditional', 'layout', 'properties'],
  html: ['id', 'type', 'content', 'strict', 'conditional', 'layout', 'properties'],
  textfield: [...INPUT, 'appearance'],
  textarea: INPUT,
  number: [...INPUT, 'appearance', 'decimalDigits', 'increment', 'serializeToString'],
  checkbox: INPUT,
  checklist: OPTIONS,
  radio: OPTIONS,
  select: [...OPTIONS, 'searchable'],
  taglist: OPTIONS,
  datetime: [...INPUT, 'subtype', 'dateLabel', 'timeLabel', 'use24h', 'disallowPassedDates', 'timeInterval',
    'timeSerializingFormat'],
  button: [...FIELD, 'action', 'disabled'],
  image: [...FIELD, 'source', 'alt'],
  iframe: [...FIELD, 'url', 'height', 'security'],
  spacer: [...FIELD, 'height'],
  separator: FIELD,
  group: [...FIELD, 'components', 'path', 'showOutline'],
  dynamiclist: [...FIELD, 'components', 'path', 'showOutline', 'isRepeating', 'defaultRepetitions', 'allowAddRemove',
    'disableCollapse', 'nonCollapsedItems'],
  expression: [...FIELD, 'key', 'expression', 'computeOn'],
  table: [...FIELD, 'dataSource', 'rowCount', 'columns', 'columnsExpression'],
};
const NESTED = {
  validate: ['required', 'min', 'max', 'minLength', 'maxLength', 'pattern', 'validationType'],
  conditional: ['hide'],
  layout: ['row', 'columns'],
  appearance: ['prefixAdorner', 'suffixAdorner'],
  exporter: ['name', 'version'],
  security: ['allowSameOrigin', 'allowForms', 'allowModals', 'allowPopups', 'allowPopupsToEscapeSandbox',
    'allowScripts', 'allowTopNavigation', 'allowPresentation', 'allowDownloads', 'allowStorageAccessByUserActivation'],
};
const VALUE_OPTION = ['label', 'value'];
const TABLE_COLUMN = ['key', 'label'];

function problemsOf(schema) {
  const problems = [];
  const known = new Set(viewer.formFields.map(f => f.config.type));
  const walk = (component, trail) => {
    const name = component.id ? `${component.type} '${component.id}'` : `${component.type} at ${trail}`;
    const report = message => problems.push(`${name}: ${message}`);
    if (!known.has(component.type)) {
      report(`component type '${component.type}' is not in form-js ${viewerVersion()} (Tasklist 7.24): use one of ${[...known].sort().join(', ')}`);
      return;
    }
    const allowed = COMPONENTS[component.type] || [];
    for (const [property, value] of Object.entries(component)) {
      if (!allowed.includes(property)) {
        report(`unknown property '${property}' for a ${component.type} in form-js ${viewerVersion()}`);
        continue;
      }
      if (NESTED[property] && value && typeof value === 'object') {
        for (const inner of Object.keys(value)) {
          if (!NESTED[property].includes(inner)) report(`unknown property '${property}.${inner}'`);
        }
      }
      if (property === 'values' && Array.isArray(value)) {
        value.forEach((option, i) => Object.keys(option).filter(k => !VALUE_OPTION.includes(k))
          .forEach(k => report(`unknown property 'values[${i}].${k}'`)));
      }
      if (property === 'columns' && component.type === 'table' && Array.isArray(value)) {
        value.forEach((column, i) => Object.keys(column).filter(k => !TABLE_COLUMN.includes(k))
          .forEach(k => report(`unknown property 'columns[${i}].${k}'`)));
      }
    }
    const hide = component.conditional && component.conditional.hide;
    if (hide !== undefined && !(typeof hide === 'string' && hide.trim().startsWith('='))) {
      report(`condition 'conditional.hide' must be a FEEL expression starting with '=' (it is ${JSON.stringify(hide)})`);
    }
    strings(component, '').forEach(([where, text]) => {
      if (where === 'components' || where.startsWith('components.')) return;
      if (text.startsWith('=')) {
        const error = feelError(text.slice(1));
        if (error) report(`broken expression in '${where}': ${error}`);
      } else if (text.includes('{{')) {
        const error = templateError(text);
        if (error) report(`broken template in '${where}': ${error}`);
      }
    });
    (component.components || []).forEach((child, i) => walk(child, `${trail}.components[${i}]`));
  };
  walk(schema, 'root');
  return problems;
}

function strings(value, where) {
  if (typeof value === 'string') return [[where, value]];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (where === '' && k === 'components') ? []
    : strings(v, where === '' ? k : `${where}.${k}`));
}

function feelError(expression) {
  let error = null;
  parseExpression(expression).iterate({
    enter(node) {
      if (error === null && node.type.isError) {
        error = node.from >= expression.trimEnd().length ? `incomplete FEEL expression '${expression}'`
          : `FEEL syntax error at character ${node.from + 1} of '${expression}'`;
      }
    },
  });
  return error;
}

function templateError(text) {
  let error = null;
  templateParser.parse(text).iterate({
    enter(node) {
      if (error !== null) return false;
      if (node.type.isError) {
        error = `unclosed or unknown block at character ${node.from + 1} of '${text}'`;
      } else if (node.name === 'FeelBlock') {
        const inner = feelError(text.slice(node.from, node.to));
        if (inner) error = `${inner} (inside {{ }})`;
      }
      return undefined;
    },
  });
  return error;
}

function viewerVersion() {
  return require('@bpmn-io/form-js-viewer/package.json').version;
}

async function render(schema) {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const form = new viewer.Form({ container });
  try {
    await form.importSchema(schema, {});
  } finally {
    form.destroy();
    container.remove();
  }
}

async function main() {
  const targets = process.argv.length > 2 ? process.argv.slice(2) : ['forms'];
  const files = targets.flatMap(t => fs.statSync(t).isDirectory()
    ? fs.readdirSync(t).filter(f => f.endsWith('.form')).sort().map(f => path.join(t, f)) : [t]);
  if (files.length === 0) {
    console.log(`no *.form file in ${targets.join(', ')}`);
    process.exit(1);
  }
  let count = 0;
  for (const file of files) {
    const problems = [];
    let schema;
    try {
      schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`not JSON: ${e.message}`);
    }
    if (schema) {
      problems.push(...problemsOf(schema));
      try {
        await render(schema);
      } catch (e) {
        problems.push(`form-js ${viewerVersion()} cannot load it: ${e.message}`);
      }
    }
    problems.forEach(p => console.log(`${file}: ${p}`));
    count += problems.length;
  }
  console.log(`${files.length} form(s) checked against form-js-viewer ${viewerVersion()}, ${count} problem(s)`);
  process.exit(count > 0 ? 1 : 0);
}

main().catch(e => { console.error(e); process.exit(2); });
