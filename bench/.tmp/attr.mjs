import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import { readdirSync } from 'node:fs';
const root = process.cwd() + '/';
const which = process.argv[2];
const els = readdirSync('dist/elements').flatMap(d => readdirSync('dist/elements/'+d).filter(f=>/^pep-.*\.js$/.test(f)).map(f=>`${root}dist/elements/${d}/${f}`));
const imports = which === 'all' ? els : els.filter(e => e.endsWith(which + '.js'));
const virtual = imports.map(e => `import ${JSON.stringify(e)};`).join('\n');
const b = await rollup({ input: 'v', onwarn(){}, plugins: [{ name: 'v', resolveId: id => id==='v'?id:null, load: id => id==='v'?virtual:null }, resolve({ exportConditions: ['production'] })] });
const { output } = await b.generate({ format: 'es' });
const groups = {};
let total = 0;
for (const [id, m] of Object.entries(output[0].modules)) {
  if (!m.code) continue;
  const { code } = await minify(m.code, { ecma: 2022, module: false, compress: { passes: 2 } });
  const min = Buffer.byteLength(code || '');
  const rel = id.replace(root, '');
  let g = rel.startsWith('node_modules') ? 'lit + @lit/context' : rel.startsWith('dist/elements/') ? rel.split('/').slice(0,3).join('/') : rel;
  groups[g] = groups[g] || { min: 0, files: [] };
  groups[g].min += min; groups[g].files.push([rel, min]); total += min;
}
console.log('total min (module by module)', total);
for (const [g, v] of Object.entries(groups).sort((a,b)=>b[1].min-a[1].min)) {
  console.log(`${String(v.min).padStart(7)} ${(100*v.min/total).toFixed(1).padStart(5)}%  ${g}`);
  if (g.startsWith("dist/elements") || g.startsWith("lit")) for (const [f, s] of v.files.sort((a,b)=>b[1]-a[1])) console.log(`           ${String(s).padStart(7)}  ${f}`);
}
