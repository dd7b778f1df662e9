/**
 * The examples of a Markdown page, as requests and the answers they document. A request is an
 * ```http block that starts with `METHOD /path` (headers may follow, then a blank line and the
 * JSON body, or the body straight after the first line). The block right after it, if it is a
 * ```json block or an ```http block that starts with `HTTP/1.1 <status>`, is its answer: the
 * status, the headers it names and the body it shows.
 */

export interface DocRequest {
  line: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface DocAnswer {
  status?: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface DocExample {
  request: DocRequest;
  answer?: DocAnswer;
}

interface Block {
  line: number;
  lang: string;
  text: string;
}

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] ?? ''); i++) body.push(lines[i] ?? '');
    blocks.push({ line: start + 1, lang: open[1] ?? '', text: body.join('\n') });
  }
  return blocks;
}

/** Header lines up to the first blank line or the first line that opens JSON; then the body. */
function headersAndBody(lines: string[]): { headers: Record<string, string>; body?: unknown } {
  const headers: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || /^[[{]/.test(line.trim())) break;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a header: ${line}`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = lines.slice(i).join('\n').trim();
  return rest ? { headers, body: JSON.parse(rest) } : { headers };
}

function requestOf(block: Block): DocRequest | undefined {
  if (block.lang !== 'http') return undefined;
  const [first = '', ...rest] = block.text.split('\n');
  const start = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)(?: HTTP\/1\.1)?$/.exec(first.trim());
  if (!start) return undefined;
  return { line: block.line, method: start[1]!, path: start[2]!, ...headersAndBody(rest) };
}

function answerOf(block: Block | undefined): DocAnswer | undefined {
  if (!block) return undefined;
  if (block.lang === 'json') return { headers: {}, body: JSON.parse(block.text) };
  if (block.lang !== 'http') return undefined;
  const [first = '', ...rest] = block.text.split('\n');
  const status = /^HTTP\/1\.1 (\d{3})/.exec(first.trim());
  return status ? { status: Number(status[1]), ...headersAndBody(rest) } : undefined;
}

/** The page's examples, and the lines of its blocks that are neither a request nor its answer. */
export function examplesOf(markdown: string): { examples: DocExample[]; strays: number[] } {
  const blocks = blocksOf(markdown);
  const examples: DocExample[] = [];
  const strays: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const request = requestOf(block);
    if (!request) {
      strays.push(block.line);
      continue;
    }
    const answer = answerOf(blocks[i + 1]);
    if (answer) i++;
    examples.push(answer ? { request, answer } : { request });
  }
  return { examples, strays };
}

/**
 * Where a live value departs from the documented one. Objects: every documented key must match
 * (the live one may have more); arrays: same length, item by item, except `["..."]`, which
 * stands for any list; `"..."` stands for any value; a string ending in `…` for any string that
 * starts with what precedes it.
 */
export function departures(documented: unknown, live: unknown, path = 'body'): string[] {
  if (documented === '...') return [];
  if (typeof documented === 'string' && documented.endsWith('…')) {
    const prefix = documented.slice(0, -1);
    return typeof live === 'string' && live.startsWith(prefix)
      ? []
      : [`${path}: ${JSON.stringify(live)} does not start with ${prefix}`];
  }
  if (Array.isArray(documented)) {
    if (!Array.isArray(live)) return [`${path}: not a list: ${JSON.stringify(live)}`];
    if (documented.length === 1 && documented[0] === '...') return [];
    if (documented.length !== live.length)
      return [`${path}: ${live.length} items, documented ${documented.length}`];
    return documented.flatMap((item, i) => departures(item, live[i], `${path}[${i}]`));
  }
  if (documented !== null && typeof documented === 'object') {
    if (live === null || typeof live !== 'object' || Array.isArray(live))
      return [`${path}: not an object: ${JSON.stringify(live)}`];
    return Object.entries(documented).flatMap(([key, value]) =>
      key in live
        ? departures(value, (live as Record<string, unknown>)[key], `${path}.${key}`)
        : [`${path}.${key}: missing`],
    );
  }
  return Object.is(documented, live)
    ? []
    : [`${path}: ${JSON.stringify(live)}, documented ${JSON.stringify(documented)}`];
}
