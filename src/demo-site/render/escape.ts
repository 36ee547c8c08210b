/** Escape text for XML/HTML element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** JSON for a `<script type="application/ld+json">` block; `<` is escaped so `</script>` cannot close it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c');
}

/** RFC 822 date as RSS 2.0 requires, e.g. `Tue, 06 Oct 2026 08:15:00 GMT`. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** RFC 3339 date in UTC without milliseconds, as Atom and JSON Feed use. */
export function rfc3339(iso: string): string {
  return new Date(iso).toISOString().replace('.000Z', 'Z');
}
