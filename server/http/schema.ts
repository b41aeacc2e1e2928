/**
 * `openapi.yaml` as the server's request validator (and the drift test's response checker): a
 * small JSON Schema subset covering what the document uses — `type` (one or a list),
 * `properties` / `required` / `additionalProperties`, `items`, `enum`, `const`, `oneOf`, local
 * `$ref`s. No dependency beyond the `yaml` parser. Only own properties are read, of the schema
 * and of the value (a key like `constructor` never finds `Object.prototype.constructor`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: Schema[];
  /** Content rules (state codes, product types) the domain checks with its own reasons. */
  'x-pep-domain-validated'?: boolean;
  [key: string]: unknown;
};

export interface OpenApiOperation {
  operationId: string;
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
  [key: string]: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, Schema>;
    responses: Record<string, unknown>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

const OPENAPI_PATH = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

let cached: OpenApiDocument | null = null;

/** The parsed `openapi.yaml` at the repository root (read once). */
export function loadOpenApi(): OpenApiDocument {
  cached ??= parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDocument;
  return cached;
}

/** `obj[key]` when `obj` has it as its OWN property; never anything inherited. */
export function own(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null && Object.hasOwn(obj, key)
    ? (obj as Record<string, unknown>)[key]
    : undefined;
}

/** Keys refused anywhere in a request body (prototype pollution, and their look-alikes). */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Follow a local `#/…` reference (own properties only). */
export function resolveRef(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported: ${ref}`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    node = own(node, part.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  if (node === undefined) throw new Error(`unresolved reference ${ref}`);
  return node;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string | string[], value: unknown): boolean {
  const actual = typeOf(value);
  const list = Array.isArray(expected) ? expected : [expected];
  return list.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

export interface CheckOptions {
  /** Skip `enum` on schemas marked `x-pep-domain-validated` (the domain answers those). */
  lenientDomain?: boolean;
  /**
   * Requests: refuse every property an object schema does not declare (unless its
   * `additionalProperties` is a schema or `true`), and the keys {@link FORBIDDEN_KEYS} at any
   * depth. Such a problem ends with `: not allowed`.
   */
  closed?: boolean;
}

/** A problem that is about a refused key (rather than a missing or mistyped value). */
export function isNotAllowed(problem: string): boolean {
  return problem.endsWith(': not allowed');
}

/** Every forbidden key at any depth of `value`, as problems. */
function forbiddenKeys(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => forbiddenKeys(item, `${path}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) out.push(`${path}.${key}: not allowed`);
      else forbiddenKeys((value as Record<string, unknown>)[key], `${path}.${key}`, out);
    }
  }
}

/**
 * Check `value` against `schema`. Returns the problems as JSON paths (empty when valid) and a
 * copy of the value made of its own properties only. Only the schema's own keywords and the
 * value's own properties are ever read. With `closed` (requests) undeclared and forbidden keys
 * are problems.
 */
export function checkSchema(
  doc: OpenApiDocument,
  schema: Schema,
  value: unknown,
  options: CheckOptions = {},
  path = '$',
): { problems: string[]; value: unknown } {
  if (options.closed && path === '$') {
    const refused: string[] = [];
    forbiddenKeys(value, path, refused);
    if (refused.length) return { problems: refused, value: undefined };
  }
  const ref = own(schema, '$ref');
  if (typeof ref === 'string') {
    return checkSchema(doc, resolveRef(doc, ref) as Schema, value, options, path);
  }
  const oneOf = own(schema, 'oneOf');
  if (Array.isArray(oneOf)) {
    const results = (oneOf as Schema[]).map((s) => checkSchema(doc, s, value, options, path));
    const passing = results.filter((r) => r.problems.length === 0);
    if (passing.length === 1) return passing[0]!;
    return {
      problems: [
        passing.length === 0
          ? `${path}: matches none of oneOf (${results.map((r) => r.problems[0]).join(' | ')})`
          : `${path}: matches ${passing.length} of oneOf`,
      ],
      value,
    };
  }
  const problems: string[] = [];
  if (Object.hasOwn(schema, 'const') && value !== schema.const) {
    return { problems: [`${path}: expected ${JSON.stringify(schema.const)}`], value };
  }
  const type = own(schema, 'type') as string | string[] | undefined;
  if (type && !typeMatches(type, value)) {
    return { problems: [`${path}: expected ${String(type)}, got ${typeOf(value)}`], value };
  }
  const choices = own(schema, 'enum');
  if (
    Array.isArray(choices) &&
    !(options.lenientDomain && own(schema, 'x-pep-domain-validated') === true) &&
    !choices.includes(value)
  ) {
    return { problems: [`${path}: not one of ${JSON.stringify(choices)}`], value };
  }
  const items = own(schema, 'items') as Schema | undefined;
  if (Array.isArray(value) && items) {
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const r = checkSchema(doc, items, item, options, `${path}[${i}]`);
      problems.push(...r.problems);
      out.push(r.value);
    });
    return { problems, value: out };
  }
  const properties = own(schema, 'properties') as Record<string, Schema> | undefined;
  const additional = own(schema, 'additionalProperties') as boolean | Schema | undefined;
  const objectSchema =
    properties !== undefined || additional !== undefined || (options.closed && type === 'object');
  if (typeOf(value) === 'object' && objectSchema) {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const required = own(schema, 'required');
    for (const name of Array.isArray(required) ? (required as string[]) : []) {
      if (own(record, name) === undefined) problems.push(`${path}.${name}: required`);
    }
    for (const name of Object.keys(record)) {
      const item = record[name];
      const declared = own(properties, name) as Schema | undefined;
      if (declared) {
        if (item === undefined) continue;
        const r = checkSchema(doc, declared, item, options, `${path}.${name}`);
        problems.push(...r.problems);
        out[name] = r.value;
      } else if (typeof additional === 'object' && additional !== null) {
        const r = checkSchema(doc, additional, item, options, `${path}.${name}`);
        problems.push(...r.problems);
        out[name] = r.value;
      } else if (additional === false || (options.closed && additional !== true)) {
        problems.push(`${path}.${name}: not allowed`);
      } else {
        out[name] = item;
      }
    }
    return { problems, value: out };
  }
  return { problems, value };
}

/** The request body schema of an operation, or null when it takes none. */
export function requestSchema(doc: OpenApiDocument, operationId: string): Schema | null {
  for (const methods of Object.values(doc.paths)) {
    for (const op of Object.values(methods)) {
      if (op.operationId === operationId) {
        const content = own(own(op, 'requestBody'), 'content');
        return (own(own(content, 'application/json'), 'schema') as Schema | undefined) ?? null;
      }
    }
  }
  throw new Error(`openapi.yaml has no operation ${operationId}`);
}
