#!/usr/bin/env node
// Lints BPMN files as Camunda Modeler does: bpmnlint's recommended rules plus Camunda 7.24
// compatibility, with the models parsed including Camunda's extension attributes (camunda:*),
// which the plain bpmnlint command line does not read. Exits 1 on any error.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { BpmnModdle } = require('bpmn-moddle');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');
const Linter = require('bpmnlint/lib/linter');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

async function main() {
  const folder = process.argv[2] || 'processes';
  const config = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.bpmnlintrc'), 'utf8'));
  const files = fs.readdirSync(folder).filter(f => f.endsWith('.bpmn')).sort();
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const xml = fs.readFileSync(path.join(folder, file), 'utf8');
    const moddle = new BpmnModdle({ camunda: camundaModdle });
    const { rootElement, warnings: importWarnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
    for (const w of importWarnings) {
      console.log(`${file}: import error: ${w.message}`);
      errors++;
    }
    if (!xml.includes('<bpmndi:BPMNDiagram')) {
      console.log(`${file}: error: no diagram interchange (BPMNDiagram): Camunda Modeler cannot show it`);
      errors++;
    }
    // a linter per model: some rules keep state between runs (no-duplicate-sequence-flows would
    // report a flow of one model as a duplicate of the same-named flow in another)
    const linter = new Linter({ config, resolver: new NodeResolver() });
    const results = await linter.lint(rootElement);
    for (const [rule, reports] of Object.entries(results)) {
      for (const report of reports) {
        const category = report.category === 'warn' ? 'warning' : report.category;
        console.log(`${file}: ${category}: ${report.id || ''} ${report.message} (${rule})`);
        if (category === 'error') errors++; else warnings++;
      }
    }
  }
  console.log(`${files.length} model(s), ${errors} error(s), ${warnings} warning(s)`);
  process.exit(errors > 0 ? 1 : 0);
}

main().catch(e => { console.error(e); process.exit(2); });
