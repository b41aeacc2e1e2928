/**
 * Keystroke typing-pattern benchmark: our matcher vs Manhattan (scaled) on a CSV in the CMU
 * keystroke layout, under the product protocol (enroll 3 / verify 3) and the paper's protocol
 * (Killourhy & Maxion 2009).
 *
 *   npm run bench:typing -- [path/to/data.csv] [--json]
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCmuCsv } from '../../src/core/typing/cmu.js';
import { createTypingMatcher, DEFAULT_THRESHOLD } from '../../src/core/typing/matcher.js';
import { createManhattanBaseline } from './baseline.js';
import { bySubject, runPaper, runProduct, summarize, type Summary } from './evaluate.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_CSV = resolve(here, '../../../shared/data/keystroke/IIITBh-Big.csv');

const IIITBH_ATTRIBUTION =
  'Data: IIITBh-keystrokes database (A. Mishra, G. Das, A. Pattnaik, 2017), made available under ' +
  'the Open Database License (http://opendatacommons.org/licenses/odbl/1.0/); individual contents ' +
  'under the Database Contents License (http://opendatacommons.org/licenses/dbcl/1.0/).';

const args = process.argv.slice(2);
const json = args.includes('--json');
const csvPath = resolve(args.find((a) => !a.startsWith('--')) ?? DEFAULT_CSV);
const attribution = basename(csvPath).startsWith('IIITBh')
  ? IIITBH_ATTRIBUTION
  : `Data: ${basename(csvPath)} (see its licence for attribution).`;

const started = performance.now();
const dataset = parseCmuCsv(readFileSync(csvPath, 'utf8'));
const data = bySubject(dataset);
const ours = createTypingMatcher();
const oursStatic = createTypingMatcher({ adapt: false });
const baseline = createManhattanBaseline();

const product = {
  ours: summarize(runProduct(ours, data, dataset.text), DEFAULT_THRESHOLD),
  oursNoAdaptation: summarize(runProduct(oursStatic, data, dataset.text), DEFAULT_THRESHOLD),
  baseline: summarize(runProduct(baseline, data, dataset.text), null),
};
const paper = {
  ours: summarize(runPaper(oursStatic, data, dataset.text), DEFAULT_THRESHOLD),
  baseline: summarize(runPaper(baseline, data, dataset.text), null),
};
const seconds = (performance.now() - started) / 1000;

if (json) {
  console.log(
    JSON.stringify({
      dataset: basename(csvPath),
      subjects: data.size,
      attribution,
      product,
      paper,
      seconds,
    }),
  );
} else {
  const f3 = (x: number) => x.toFixed(3);
  const row = (protocol: string, name: string, s: Summary) =>
    `| ${protocol} | ${name} | ${f3(s.eer)} | ${f3(s.sd)} | ${s.threshold.toPrecision(3)}${
      s.thresholdSource === 'shipped' ? ' (shipped)' : ' (equal-error, this run)'
    } | ${f3(s.far)} | ${f3(s.frr)} | ${(s.msPerVerification * 1000).toFixed(0)} µs |`;
  const lines = [
    `Keystroke typing-pattern benchmark — ${basename(csvPath)}: ${data.size} subjects, ` +
      `${dataset.rows.length} repetitions of ${JSON.stringify(dataset.text)}`,
    '',
    '| Protocol | Matcher | Mean EER | SD | Threshold | FAR | FRR | Time / verification |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    row('product (enroll 3 / verify 3)', 'ours', product.ours),
    row('product (enroll 3 / verify 3)', 'ours, adaptation off', product.oursNoAdaptation),
    row('product (enroll 3 / verify 3)', 'Manhattan (scaled)', product.baseline),
    row('paper (K&M 2009)', 'ours (no adaptation)', paper.ours),
    row('paper (K&M 2009)', 'Manhattan (scaled)', paper.baseline),
    '',
    'FAR and FRR are means over subjects at one global threshold; EER is per subject, then ' +
      'averaged. A verification of the product protocol is 3 typed samples, of the paper ' +
      'protocol 1.',
    attribution,
    `Ran in ${seconds.toFixed(1)} s.`,
  ];
  console.log(lines.join('\n'));
}
