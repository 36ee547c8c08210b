/** The coder's output is kept next to the text: provenance for users, and what copies of the story reuse. */
export function codedKeyOf(textKey: string): string {
  return textKey.replace(/^text\//, 'coded/');
}
