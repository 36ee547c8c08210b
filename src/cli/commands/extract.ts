import { z } from 'zod';
import { describeError } from '../../core/errors.js';
import { snakeCaseKeys } from '../../core/snake-case.js';
import { extractArticle, loadLanguageDetector } from '../../extract/index.js';
import { parseFlags } from '../args.js';
import { idOf, MAX_LINE_BYTES, mapJsonLines } from '../jsonl.js';

const ExtractInputSchema = z.object({ id: z.union([z.string(), z.number()]), url: z.string(), html: z.string() });

export const extractCommand = {
  name: 'extract',
  summary: 'Extract article text and metadata: JSON Lines {id,url,html} on stdin -> {id,title,text,...} on stdout',
  usage: `eventwire extract < pages.jsonl > articles.jsonl
  One output line per non-blank input line, in order (blank lines are skipped). A line that cannot be read
  (not JSON, not {"id","url","html"}, longer than ${MAX_LINE_BYTES} bytes) answers {"id","line","error"}, with
  its line number, and the rest go on.
example: printf '%s\\n' '{"id":1,"url":"https://example.org/a","html":"<p>...</p>"}' | npx eventwire extract`,
  async run(argv: string[]): Promise<number> {
    parseFlags(argv, {});
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
        return snakeCaseKeys({ id: input.data.id, ...article }) as Record<string, unknown>;
      } catch (error) {
        const { name, message } = describeError(error);
        return { id: input.data.id, error: `${name}: ${message}` };
      }
    });
    return 0;
  },
};
