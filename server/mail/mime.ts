/**
 * A small MIME reader for the loopback SMTP sink: enough of RFC 5322 / 2045–2047 to read what
 * nodemailer writes (folded headers, encoded-word subjects, quoted-printable or base64 bodies,
 * multipart/alternative). Not a general mail parser: it never runs on mail from the Internet.
 */

export interface ParsedMail {
  headers: Map<string, string>;
  subject: string;
  from: string;
  to: string[];
  /** The text/plain body, decoded (the first text/plain part of a multipart message). */
  text: string;
}

interface Part {
  headers: Map<string, string>;
  body: Buffer;
}

function splitHeadersAndBody(raw: Buffer): { head: string; body: Buffer } {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf !== -1 && (lf === -1 || crlf < lf)) {
    return { head: raw.subarray(0, crlf).toString('latin1'), body: raw.subarray(crlf + 4) };
  }
  if (lf !== -1)
    return { head: raw.subarray(0, lf).toString('latin1'), body: raw.subarray(lf + 2) };
  return { head: raw.toString('latin1'), body: Buffer.alloc(0) };
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Unfold: a line break followed by white space continues the previous header.
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** Quoted-printable to bytes (soft line breaks removed). */
function decodeQuotedPrintable(input: string): Buffer {
  const text = input.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const hex = text.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(text.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** RFC 2047 encoded words (`=?utf-8?Q?…?=`, `=?utf-8?B?…?=`) in a header value. */
export function decodeEncodedWords(value: string): string {
  // White space between two adjacent encoded words is not part of the text.
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(
    /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
    (_m, charset: string, enc: string, data: string) => {
      const cs = charset.split('*')[0]!;
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return decodeCharset(bytes, cs);
    },
  );
}

/** `text/plain; charset=utf-8` → `{ type: 'text/plain', params: { charset: 'utf-8' } }`. */
function contentType(value: string | undefined): { type: string; params: Record<string, string> } {
  const [type, ...rest] = (value ?? 'text/plain; charset=us-ascii').split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq === -1) continue;
    params[p.slice(0, eq).trim().toLowerCase()] = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { type: type!.trim().toLowerCase(), params };
}

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.toString('latin1'), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body.toString('latin1'));
  return part.body;
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const delimiter = `--${boundary}`;
  const parts: Buffer[] = [];
  const chunks = text.split(delimiter);
  // chunks[0] is the preamble; a chunk starting with "--" is the epilogue after the close.
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const content = chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
    parts.push(Buffer.from(content, 'latin1'));
  }
  return parts;
}

function findText(part: Part): string | null {
  const ct = contentType(part.headers.get('content-type'));
  if (ct.type.startsWith('multipart/') && ct.params['boundary']) {
    for (const raw of splitMultipart(part.body, ct.params['boundary'])) {
      const { head, body } = splitHeadersAndBody(raw);
      const found = findText({ headers: parseHeaders(head), body });
      if (found !== null) return found;
    }
    return null;
  }
  if (ct.type === 'text/plain') {
    return decodeCharset(decodeBody(part), ct.params['charset'] ?? 'utf-8');
  }
  return null;
}

function addresses(value: string | undefined): string[] {
  if (!value) return [];
  return decodeEncodedWords(value)
    .split(',')
    .map((a) => /<([^>]+)>/.exec(a)?.[1] ?? a.trim())
    .filter((a) => a !== '');
}

/** Parse one raw message as received by SMTP DATA. */
export function parseMail(raw: Buffer): ParsedMail {
  const { head, body } = splitHeadersAndBody(raw);
  const headers = parseHeaders(head);
  const text = findText({ headers, body }) ?? '';
  return {
    headers,
    subject: decodeEncodedWords(headers.get('subject') ?? ''),
    from: addresses(headers.get('from'))[0] ?? '',
    to: addresses(headers.get('to')),
    // Mail line endings are CRLF; callers want the text as written.
    text: text.replace(/\r\n/g, '\n').replace(/\n$/, ''),
  };
}
