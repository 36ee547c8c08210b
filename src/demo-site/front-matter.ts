/**
 * Minimal front-matter reader for demo articles: a `---` fenced block of `key: value` lines,
 * then paragraphs separated by blank lines. Values `true`/`false` become booleans and
 * `[a, b]` becomes a string list; everything else stays a string (no YAML dependency needed).
 */
export interface ParsedDocument {
  readonly data: Record<string, unknown>;
  readonly paragraphs: string[];
}

const FENCE = '---';

/** Split a Markdown-with-front-matter document into its fields and body paragraphs. */
export function parseFrontMatter(text: string): ParsedDocument {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (lines[0]?.trim() !== FENCE) throw new Error('document must start with a --- front-matter fence');
  const end = lines.indexOf(FENCE, 1);
  if (end < 0) throw new Error('front matter is not closed by a --- line');
  const data: Record<string, unknown> = {};
  for (const line of lines.slice(1, end)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`front-matter line is not "key: value": ${line}`);
    data[line.slice(0, colon).trim()] = parseValue(line.slice(colon + 1).trim());
  }
  return { data, paragraphs: splitParagraphs(lines.slice(end + 1).join('\n')) };
}

function parseValue(raw: string): unknown {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw.startsWith('[') && raw.endsWith(']')) {
    return raw
      .slice(1, -1)
      .split(',')
      .map((item) => unquote(item.trim()))
      .filter((item) => item !== '');
  }
  return unquote(raw);
}

function unquote(value: string): string {
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]);
  return quoted ? value.slice(1, -1) : value;
}

/** Paragraphs are separated by blank lines; lines inside one paragraph are joined with a space. */
function splitParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .join(' ')
        .trim(),
    )
    .filter((block) => block !== '');
}
