import { tokenizeText } from '../src/coder/nlp.js';
const HINT = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:today|yesterday|tomorrow|tonight|ago)\b|\b(?:last|next|this)\s+(?:week|month|year)\b|\b\d{4}-\d{2}-\d{2}\b/gi;
const SIMPLE = /^(?:(sun|mon|tues|wednes|thurs|fri|satur)day|today|tonight|yesterday|tomorrow)$/i;
const s = 'Teachers in Chad went on strike on Monday demanding higher pay. The UN Security Council adopted a resolution demanding an immediate ceasefire in Chad.';
const m = new Map<string, number>();
for (const t of ['Police in Mali arrested 25 opposition activists', 'in central Mali on Monday to demand the resignation', 'The president of Oman met the foreign minister of Chad in the capital on Friday to discuss trade.']) for (const h of t.matchAll(HINT)) console.log(JSON.stringify(h[0]), SIMPLE.test(h[0]));
