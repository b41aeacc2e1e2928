import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import { minify } from 'terser';
const entry = process.argv[2];
const b = await rollup({ input: entry, onwarn(){}, plugins: [resolve({ exportConditions: ['production'] })] });
const { output } = await b.generate({ format: 'es', inlineDynamicImports: true });
const mods = Object.entries(output[0].modules).map(([id, m]) => [id.replace(process.cwd()+'/', ''), m.renderedLength]).sort((a,b)=>b[1]-a[1]);
let tot=0; for (const [,l] of mods) tot+=l;
const groups = {};
for (const [id,l] of mods) { const g = id.split('/').slice(0, id.startsWith('node_modules') ? 3 : 3).join('/'); groups[g]=(groups[g]||0)+l; }
console.log('total rendered', tot);
console.log(Object.entries(groups).sort((a,b)=>b[1]-a[1]).map(([g,l])=>`${String(l).padStart(8)} ${g}`).join('\n'));
console.log('--- top modules');
console.log(mods.slice(0,30).map(([id,l])=>`${String(l).padStart(8)} ${id}`).join('\n'));
