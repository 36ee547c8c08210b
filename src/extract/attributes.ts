/**
 * Attribute values whatever the case of the name. HTML attribute names are case-insensitive and
 * browsers lower-case them; linkedom keeps them as written, and server-rendered React writes
 * `itemProp`, `dateTime` and `itemType`, which a plain `getAttribute('itemprop')` misses.
 */
export function attribute(el: Element, name: string): string | null {
  const exact = el.getAttribute(name);
  if (exact !== null) return exact;
  for (const attr of Array.from(el.attributes)) if (attr.name.toLowerCase() === name) return attr.value;
  return null;
}

/** The value of a name spelt in lower case or in the camel case that React writes (cheaper than any case). */
export function attributeOf(el: Element, lower: string, camel: string): string | null {
  return el.getAttribute(lower) ?? el.getAttribute(camel);
}
