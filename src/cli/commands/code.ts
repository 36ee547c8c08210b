import { z } from 'zod';
import { createEventCoder } from '../../coder/index.js';
import { describeError } from '../../core/errors.js';
import { parseFlags } from '../args.js';
import { idOf, mapJsonLines } from '../jsonl.js';

const CodeInputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullish(),
});

export const codeCommand = {
  name: 'code',
  summary: 'Code text into PLOVER/CAMEO events: JSON Lines {id,text,date?} on stdin -> {id,events} on stdout',
  usage: 'eventwire code [--actors FILE.json ...] [--full] < texts.jsonl > events.jsonl',
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
