// The XML S3 speaks: building response documents, and reading the few small request documents the emulator
// accepts (CORSConfiguration, Delete, CreateBucketConfiguration).

const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** A child element: a value, a nested element (object) or a repeated element (array). */
export type XmlValue = string | number | boolean | Date | undefined | XmlNode | XmlValue[];
export type XmlNode = { [name: string]: XmlValue };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

function renderValue(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => renderValue(name, v)).join('');
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') return `<${name}>${renderChildren(value)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function renderChildren(node: XmlNode): string {
  return Object.entries(node)
    .map(([name, value]) => renderValue(name, value))
    .join('');
}

/** A whole document: `root` is the top element's name; arrays repeat their element (S3's flattened lists). */
export function xmlDocument(root: string, node: XmlNode, withNamespace = true): string {
  const ns = withNamespace ? ` xmlns="${S3_NAMESPACE}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${ns}>${renderChildren(node)}</${root}>`;
}

/** A document whose root element holds only text (GetBucketLocation's LocationConstraint). */
export function xmlTextDocument(root: string, text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NAMESPACE}">${escapeXml(text)}</${root}>`;
}

/** A parsed element: its name, its text (concatenated, entities decoded) and its child elements. */
export type XmlElement = { name: string; text: string; children: XmlElement[] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? '';
  });
}

/** Thrown for a body that is not well-formed; the handlers answer it as S3's MalformedXML. */
export class XmlSyntaxError extends Error {}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|([^<]+)/g;

/**
 * Parses the small, attribute-free documents S3 clients send. Namespace prefixes are dropped from names;
 * attributes (xmlns) are ignored. Not a general XML parser: no DTDs, which S3 refuses too.
 */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', text: '', children: [] };
  const stack: XmlElement[] = [root];
  for (const match of source.matchAll(TOKEN)) {
    const [whole, cdata, closing, rawName, , selfClosing, text] = match;
    const current = stack[stack.length - 1]!;
    if (whole.startsWith('<!--') || whole.startsWith('<?')) continue;
    if (cdata !== undefined) {
      current.text += cdata;
      continue;
    }
    if (text !== undefined) {
      if (stack.length === 1 && text.trim() !== '') throw new XmlSyntaxError('Text outside the root element.');
      current.text += decodeEntities(text);
      continue;
    }
    const name = (rawName ?? '').replace(/^[\w.-]+:/, '');
    if (closing) {
      if (stack.length === 1 || current.name !== name) throw new XmlSyntaxError(`Unexpected closing tag </${name}>.`);
      stack.pop();
      continue;
    }
    const element: XmlElement = { name, text: '', children: [] };
    current.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new XmlSyntaxError(`Element <${stack[stack.length - 1]!.name}> is not closed.`);
  const [top, ...rest] = root.children;
  if (!top || rest.length > 0) throw new XmlSyntaxError('A document has one root element.');
  return top;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function childText(element: XmlElement, name: string): string | undefined {
  return element.children.find((c) => c.name === name)?.text;
}
