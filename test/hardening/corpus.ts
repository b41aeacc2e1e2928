/**
 * Hostile input for the hardening suite. Every XSS payload, if it ever ran, would set
 * `window.__xss`; the tests check that it never does and that nothing it describes (a script,
 * an image, an SVG, a frame, an event-handler attribute) appears in any shadow root.
 */

/** Payloads that try to execute (or to be interpolated) when rendered. */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"></svg>',
  '<svg><script>window.__xss=1</script></svg>',
  'javascript:window.__xss=1',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '" onfocus="window.__xss=1" autofocus="',
  '${window.__xss=1}',
  '{{constructor.constructor("window.__xss=1")()}}',
  '{phone}{name}{time}',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '</textarea></style></title><script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">x</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<!--<img src="--><img src=x onerror=window.__xss=1//">',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
];

/**
 * Emails that pass validation yet carry quotes and template syntax in the local part
 * (RFC 5322 allows `{ } $ ' * = ? / ! # % ^ ~ |` and the backtick): stored verbatim.
 */
export const HOSTILE_VALID_EMAILS: readonly string[] = [
  "{{7*7}}${7*7}'@example.com",
  "x'onmouseover=alert`1`@example.com",
  '{phone}#!/=?%^~|@example.com',
];

const TEN_THOUSAND = 'a'.repeat(10_000);

/** Extreme input: huge, multi-code-unit, right-to-left, control characters, whitespace. */
export const EXTREME_INPUTS: ReadonlyArray<{ name: string; value: string }> = [
  { name: '10 000 characters', value: TEN_THOUSAND },
  { name: 'emoji', value: '😀👩‍👩‍👧‍👦🇺🇸' },
  { name: 'combining marks', value: 'Zoe\u0308 Ame\u0301lie Z̷̢̛a̸l̵g̶o̷' },
  { name: 'right-to-left', value: 'مريم \u202Egnp.exe' },
  { name: 'NUL and controls', value: 'jane\u0000doe\u0007\u001b[31m\r\n' },
  { name: 'surrounding whitespace', value: '   janedoe01   ' },
  { name: 'zero-width', value: 'jane\u200Bdoe\uFEFF01' },
];

/** Every element and attribute an executed payload would have created. */
export function hostileNodes(root: ParentNode): Element[] {
  const bad = new Set<Element>();
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    if (['script', 'img', 'svg', 'iframe', 'math', 'object', 'embed'].includes(tag)) {
      // The elements' own icons are inline SVG with no handlers: allow an svg that is aria-hidden.
      if (tag === 'svg' && el.getAttribute('aria-hidden') === 'true' && !hasHandler(el)) continue;
      bad.add(el);
    }
    if (hasHandler(el)) bad.add(el);
    for (const attr of ['href', 'src', 'action', 'formaction']) {
      const v = el.getAttribute(attr);
      if (v && /^\s*javascript:/i.test(v)) bad.add(el);
    }
    if (el.shadowRoot) for (const n of hostileNodes(el.shadowRoot)) bad.add(n);
  }
  return [...bad];
}

function hasHandler(el: Element): boolean {
  return [...el.attributes].some((a) => /^on/i.test(a.name));
}

declare global {
  interface Window {
    __xss?: unknown;
  }
}
