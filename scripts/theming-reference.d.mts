export interface TokenRow {
  name: string;
  internal: string;
  light: string | undefined;
  dark: string | undefined;
  fallsBackTo: string | undefined;
}
export interface PartDoc {
  name: string;
  description: string;
}
export interface ElementDoc {
  tag: string;
  summary: string;
  path: string;
  parts: PartDoc[];
  cssProperties: PartDoc[];
}
export function parseTokens(stylesSource: string): TokenRow[];
export function parseElementTokens(
  elementStylesSource: string,
  sharedNames: Set<string>,
): Map<string, string>;
export function elementsFromManifest(manifest: unknown): ElementDoc[];
export function partsFromTemplate(componentSource: string): PartDoc[];
