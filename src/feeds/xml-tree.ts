import { canonicalName } from './namespaces.js';
import { decodeEntities, type EntityScope } from './xml-entities.js';
import { type RawAttribute, type ScanHandler, scanXml } from './xml-scanner.js';

/** An element of the lenient document tree. */
export interface XmlElement {
  /** Qualified name as written (`dc:date`). */
  qname: string;
  /** Canonical name (see namespaces.ts): `title`, `dc:date`, `content:encoded`. */
  key: string;
  /** Namespace URI, lower-cased; '' for none. */
  ns: string;
  /** Attributes by canonical name (`href`, `xml:base`, `rdf:resource`), values entity-decoded. */
  attrs: Map<string, string>;
  /** Attributes as written, for re-serialising inline XHTML. */
  rawAttrs: RawAttribute[];
  children: XmlNode[];
  parent: XmlElement | null;
  /** Namespace declarations made on this element (prefix -> URI; '' for the default namespace). */
  declares: Map<string, string> | null;
}

export type XmlNode = XmlElement | string;

export interface XmlDocument {
  root: XmlElement | null;
  /** Well-formedness problems in document order (empty when the XML was well-formed). */
  errors: string[];
  /** Name given by the DOCTYPE, lower-cased ('' when none). */
  doctype: string;
}

const ENTITY_DECLARATION = /<!ENTITY\s+([A-Za-z_:][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids.
const INVALID_XML_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/** Characters all declared entities together may expand to: harmless for any real feed, fatal to a bomb. */
const ENTITY_BUDGET = 1_000_000;
/** Deeper elements are attached flat: keeps later tree walks far from the call-stack limit. */
const MAX_DEPTH = 512;

function lookupNamespace(el: XmlElement | null, prefix: string): string | undefined {
  if (prefix === 'xml') return 'http://www.w3.org/xml/1998/namespace';
  if (prefix === 'xmlns') return 'http://www.w3.org/2000/xmlns/';
  for (let e = el; e !== null; e = e.parent) {
    const uri = e.declares?.get(prefix);
    if (uri !== undefined) return uri;
  }
  return prefix === '' ? '' : undefined;
}

function splitName(qname: string): [string, string] {
  const colon = qname.indexOf(':');
  return colon > 0 ? [qname.slice(0, colon), qname.slice(colon + 1)] : ['', qname];
}

class TreeBuilder implements ScanHandler {
  readonly errors: string[] = [];
  root: XmlElement | null = null;
  doctypeName = '';
  private readonly stack: XmlElement[] = [];
  private readonly scope: EntityScope = { declared: new Map(), budget: ENTITY_BUDGET, onError: (r) => this.error(r) };

  error(reason: string): void {
    if (this.errors.length < 50) this.errors.push(reason);
  }

  declaration(position: number): void {
    if (position !== 0) this.error('XML declaration not at start of document');
  }

  doctype(body: string): void {
    this.doctypeName = (/^\s*([^\s[>]+)/.exec(body)?.[1] ?? '').toLowerCase();
    for (const m of body.matchAll(ENTITY_DECLARATION)) {
      const name = m[1];
      // External (SYSTEM/PUBLIC) and parameter entities never match: they stay undefined, never fetched.
      if (name !== undefined && !this.scope.declared.has(name)) this.scope.declared.set(name, m[2] ?? m[3] ?? '');
    }
  }

  text(raw: string, cdata: boolean): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      if (raw.trim() !== '') this.error('text outside the document element');
      return;
    }
    const value = cdata ? raw : decodeEntities(raw, this.scope);
    const last = parent.children.length - 1;
    const previous = parent.children[last];
    if (typeof previous === 'string') parent.children[last] = previous + value;
    else parent.children.push(value);
  }

  open(qname: string, rawAttrs: RawAttribute[], selfClosing: boolean): void {
    const parent = this.stack[this.stack.length - 1] ?? null;
    const el: XmlElement = {
      qname,
      key: qname,
      ns: '',
      attrs: new Map(),
      rawAttrs,
      children: [],
      parent,
      declares: null,
    };
    const decoded = rawAttrs.map((a) => ({ name: a.name, value: decodeEntities(a.value, this.scope) }));
    for (const a of decoded) {
      const prefix = a.name === 'xmlns' ? '' : a.name.startsWith('xmlns:') ? a.name.slice(6) : null;
      if (prefix === null) continue;
      el.declares ??= new Map();
      el.declares.set(prefix, a.value);
    }
    const [prefix, local] = splitName(qname);
    const uri = lookupNamespace(el, prefix);
    if (uri === undefined) this.error(`undeclared namespace prefix ${prefix}`);
    el.ns = (uri ?? '').toLowerCase();
    el.key = canonicalName(uri ?? null, prefix, local);
    for (const a of decoded) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      const [aPrefix, aLocal] = splitName(a.name);
      const aUri = aPrefix === '' ? null : lookupNamespace(el, aPrefix);
      if (aPrefix !== '' && aUri === undefined) this.error(`undeclared namespace prefix ${aPrefix}`);
      el.attrs.set(aPrefix === '' ? aLocal : canonicalName(aUri ?? null, aPrefix, aLocal), a.value);
    }
    this.attach(el);
    if (selfClosing) return;
    if (this.stack.length < MAX_DEPTH) this.stack.push(el);
    else this.error('elements nested too deeply');
  }

  private attach(el: XmlElement): void {
    const parent = el.parent;
    if (parent !== null) parent.children.push(el);
    else if (this.root === null) this.root = el;
    else {
      // A second top-level element: keep its content reachable (feeds glued together, junk after </rss>).
      this.error('junk after document element');
      el.parent = this.root;
      this.root.children.push(el);
    }
  }

  close(qname: string): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]?.qname !== qname) continue;
      if (i !== this.stack.length - 1) this.error(`mismatched end tag </${qname}>`);
      this.stack.length = i;
      return;
    }
    this.error(`end tag </${qname}> without start tag`);
  }

  finish(): void {
    if (this.stack.length > 0) this.error(`unclosed element <${this.stack[this.stack.length - 1]?.qname ?? ''}>`);
    if (this.root === null) this.error('no element found');
  }
}

/** Parses XML leniently into a tree; never throws, records well-formedness problems in `errors`. */
export function parseXmlDocument(text: string): XmlDocument {
  const builder = new TreeBuilder();
  if (INVALID_XML_CHAR.test(text)) builder.error('invalid character in document');
  scanXml(text, builder);
  builder.finish();
  return { root: builder.root, errors: builder.errors, doctype: builder.doctypeName };
}
