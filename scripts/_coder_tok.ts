import { tokenizeText } from '../src/coder/nlp.js';
for (const s of tokenizeText(process.argv[2] ?? '')) console.log(s.tokens.map((t) => `${t.text}/${t.pos}/${t.lemma}`).join(' '));
