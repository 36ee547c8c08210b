import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeWindows1252 } from '../../../src/demo-site/legacy-charset.js';

describe('encodeWindows1252', () => {
  it('writes curly quotes, e-acute, en dash and euro as their single windows-1252 bytes', () => {
    const bytes = encodeWindows1252('“café” – €');

    expect([...bytes]).toEqual([0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x80]);
  });

  it('produces bytes that differ from UTF-8 for non-ASCII text', () => {
    const text = 'Élysée ‘talks’';

    expect(encodeWindows1252(text).equals(Buffer.from(text, 'utf8'))).toBe(false);
    expect(iconv.decode(encodeWindows1252(text), 'windows-1252')).toBe(text);
  });

  it('turns characters outside the code page into numeric character references', () => {
    const bytes = encodeWindows1252('Chișinău');

    expect(bytes.toString('latin1')).toBe('Chi&#537;in&#259;u');
  });
});
