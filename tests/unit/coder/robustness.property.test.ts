import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEventCoder } from '../../../src/coder/index.js';
import { CodedArticleSchema } from '../../../src/core/event-schema.js';
import { stubGazetteer } from './stub-gazetteer.js';

const coder = createEventCoder({ gazetteer: stubGazetteer });
const WORDS = [
  'Israel',
  'Hamas',
  'the',
  'UN',
  'police',
  'said',
  'attacked',
  'will',
  'not',
  'meet',
  'in',
  'Damascus',
  'he',
  'it',
  'on',
  'Sunday',
  'January',
  '23',
  '"',
  '“',
  '”',
  ',',
  '.',
  '-',
  'agreed',
  'to',
  'refused',
  'talks',
  'with',
  "'s",
  'Putin',
  'Russian',
  'troops',
  'protesters',
  'urged',
  'must',
  'withdraw',
  'Kazakh',
  'capital',
  'Astana',
  '\n',
];

describe('coder robustness', () => {
  it('never throws and always returns schema-valid output on arbitrary word salad', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }), fc.boolean(), (words, dated) => {
        const article = coder.code({ text: words.join(' '), date: dated ? '2020-02-29' : null });
        expect(CodedArticleSchema.safeParse(article).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(coder.code({ text: '   \n ', date: null })).toEqual({ events: [], entities: [], quotations: [] });
  });
});
