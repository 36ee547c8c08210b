import { z } from 'zod';
import { describeError } from '../../core/errors.js';
import { snakeCaseKeys } from '../../core/snake-case.js';
import { extractArticle, loadLanguageDetector } from '../../extract/index.js';
import { idOf, mapJsonLines } from '../jsonl.js';

const ExtractInputSchema = z.object({ id: z.union([z.string(), z.number()]), url: z.string(), html: z.string() });

export const extractCommand = {
  name: 'extract',
  summary: 'Extract article text and metadata: JSON Lines {id,url,html} on stdin -> {id,title,text,...} on stdout',
  usage: 'eventwire extract < pages.jsonl > articles.jsonl',
  async run(): Promise<number> {
    await loadLanguageDetector();
    await mapJsonLines(process.stdin, process.stdout, (value) => {
      const input = ExtractInputSchema.safeParse(value);
      if (!input.success)
        return {
          id: idOf(value),
          error: `expected {"id","url","html"}: ${input.error.issues[0]?.message ?? 'invalid'}`,
        };
      try {
        const article = extractArticle(input.data.html, { url: input.data.url });
        return snakeCaseKeys({ id: input.data.id, ...article });
      } catch (error) {
        const { name, message } = describeError(error);
        return { id: input.data.id, error: `${name}: ${message}` };
      }
    });
    return 0;
  },
};
