import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/commands/index.js';

describe('every command’s --help', () => {
  it.each(COMMANDS.map((command) => [command.name, command.usage]))('%s shows an example of its use', (name, usage) => {
    expect(usage).toMatch(new RegExp(`\\nexample: [^\\n]*npx eventwire ${name}\\b`));
  });
});
