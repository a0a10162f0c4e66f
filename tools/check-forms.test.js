// The forms check must fail, naming file and component, on what Tasklist 7.24's form-js cannot do;
// and pass on GridCare's forms. Run by the build (mvn verify) with node --test.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');

function check(...targets) {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'check-forms.js'), ...targets], { cwd: root, encoding: 'utf8' });
  return { status: run.status, lines: run.stdout.trim().split('\n') };
}

const fixture = name => path.join('tools', 'form-fixtures', name);

test('a component type form-js 1.8 lacks fails with file and component', () => {
  const { status, lines } = check(fixture('unsupported-component.form'));
  assert.strictEqual(status, 1);
  assert.ok(lines.some(l => l.startsWith(fixture('unsupported-component.form') + ": signature 'Field_Signature': component type 'signature' is not in form-js 1.8.7")), lines.join('\n'));
  assert.ok(lines.some(l => l.includes('cannot load it: form field of type <signature> not supported')), lines.join('\n'));
});

test('a property form-js 1.8 does not read fails, nested ones too', () => {
  const { status, lines } = check(fixture('unknown-property.form'));
  assert.strictEqual(status, 1);
  assert.ok(lines.includes(fixture('unknown-property.form') + ": textarea 'Field_Findings': unknown property 'placeholder' for a textarea in form-js 1.8.7"), lines.join('\n'));
  assert.ok(lines.includes(fixture('unknown-property.form') + ": textarea 'Field_Findings': unknown property 'validate.maxLenght'"), lines.join('\n'));
});

test('a broken condition or template fails', () => {
  const { status, lines } = check(fixture('broken-condition.form'));
  assert.strictEqual(status, 1);
  const file = fixture('broken-condition.form');
  assert.ok(lines.includes(`${file}: textarea 'Field_Note': broken expression in 'conditional.hide': incomplete FEEL expression 'reached = '`), lines.join('\n'));
  assert.ok(lines.some(l => l.startsWith(`${file}: textarea 'Field_Reason': condition 'conditional.hide' must be a FEEL expression`)), lines.join('\n'));
  assert.ok(lines.some(l => l.startsWith(`${file}: text 'Text_Due': broken template in 'text': incomplete FEEL expression ' dueAt + ' (inside {{ }})`)), lines.join('\n'));
  assert.ok(!lines.some(l => l.includes('Field_Reached')), 'the valid checkbox is not reported');
});

test("GridCare's forms pass", () => {
  const { status, lines } = check('forms');
  assert.strictEqual(status, 0, lines.join('\n'));
  assert.match(lines[lines.length - 1], /^\d+ form\(s\) checked against form-js-viewer 1\.8\.7, 0 problem\(s\)$/);
});
