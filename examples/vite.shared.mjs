// Shared by the React and Vue examples' Vite configs.
//
// In an app, `pep-auth-elements` is in node_modules. Here the examples live inside the package
// itself, so this plugin resolves `pep-auth-elements` and `pep-auth-elements/…` the way Node
// resolves a package's own name (self-reference): through package.json `exports` to the BUILT
// files in dist/ (run `npm run build` first). No alias to src/: the examples use what npm
// users get.
import { fileURLToPath } from 'node:url';

export function pepAuthElementsFromDist() {
  return {
    name: 'pep-auth-elements-from-dist',
    enforce: 'pre',
    resolveId(id) {
      if (id !== 'pep-auth-elements' && !id.startsWith('pep-auth-elements/')) return null;
      return fileURLToPath(import.meta.resolve(id));
    },
  };
}
