import { minify } from 'terser';
const code = `const commonEn = { a: 'hello world' };\nfunction x(){return 1}`;
console.log(await minify(code, { ecma: 2022, module: false, compress: { passes: 2 }, format: { comments: false } }));
