// Test support: the text drawn on a PDF's pages, page by page, read from its (Flate) content streams:
// enough for PDFs whose text is drawn with standard fonts as hex or literal strings (pdf-lib's output).
import { inflateSync } from 'node:zlib';

function decodeString(token: string): string {
  if (token.startsWith('<')) return Buffer.from(token.slice(1, -1), 'hex').toString('latin1');
  return token
    .slice(1, -1)
    .replace(/\\([()\\])/g, '$1')
    .replace(/\\n/g, '\n');
}

/** Every text-showing operand (Tj) of every content stream, in drawing order, one string per stream. */
export function extractPdfText(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  const streams: string[] = [];
  const pattern = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = Buffer.from(raw.slice(start, end), 'latin1');
    let content: string;
    try {
      content = /FlateDecode/.test(match[1] ?? '') ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1');
    } catch {
      continue;
    }
    const shown = [...content.matchAll(/(<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\))\s*Tj/g)].map((m) => decodeString(m[1]!));
    if (shown.length > 0) streams.push(shown.join('\n'));
  }
  return streams;
}
