import { z } from 'zod';
import { createEventCoder } from '../../coder/index.js';
import { isCalendarDate } from '../../core/dates.js';
import { describeError } from '../../core/errors.js';
import { parseFlags } from '../args.js';
import { idOf, MAX_LINE_BYTES, mapJsonLines } from '../jsonl.js';

const CodeInputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  date: z
    .string()
    .refine(isCalendarDate, {
      error: (issue) => `date ${JSON.stringify(issue.input)} is not a day that exists (YYYY-MM-DD)`,
    })
    .nullish(),
});

export const codeCommand = {
  name: 'code',
  summary: 'Code text into PLOVER/CAMEO events: JSON Lines {id,text,date?} on stdin -> {id,events} on stdout',
  usage: `eventwire code [--actors FILE.json ...] [--full] < texts.jsonl > events.jsonl
  One output line per non-blank input line, in order (blank lines are skipped). A line that cannot be coded
  (not JSON, not {"id","text","date"?}, a date that does not exist such as 2024-02-30, longer than
  ${MAX_LINE_BYTES} bytes) answers {"id","line","error"}, with its line number, and the rest go on.
example: echo '{"id":1,"text":"Kenyan police arrested protesters in Nairobi.","date":"2024-06-25"}' | npx eventwire code`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { actors: { type: 'string', multiple: true }, full: { type: 'boolean' } });
    const coder = createEventCoder({ actorDictionaries: values.actors ?? [] });
    await mapJsonLines(process.stdin, process.stdout, (value) => {
      const input = CodeInputSchema.safeParse(value);
      if (!input.success)
        return {
          id: idOf(value),
          error: `expected {"id","text","date"?}: ${input.error.issues[0]?.message ?? 'invalid'}`,
        };
      try {
        const coded = coder.code({ text: input.data.text, date: input.data.date ?? null });
        return values.full ? { id: input.data.id, ...coded } : { id: input.data.id, events: coded.events };
      } catch (error) {
        const { name, message } = describeError(error);
        return { id: input.data.id, error: `${name}: ${message}` };
      }
    });
    return 0;
  },
};
