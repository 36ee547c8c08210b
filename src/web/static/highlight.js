import { el } from './dom.js';

// Mention offsets count characters of the whole article, not of the sentence. The sentence's start in the
// article is recovered from an actor whose text is found in the sentence; the other spans must then agree.
function sentenceStart(mention, event) {
  const { sentence, offsets } = mention;
  const candidates = [];
  for (const [kind, actor] of [
    ['source', event.source],
    ['target', event.target],
  ]) {
    const span = offsets[kind];
    if (!actor || !span || !actor.text) continue;
    let at = sentence.indexOf(actor.text);
    while (at >= 0) {
      candidates.push(span[0] - at);
      at = sentence.indexOf(actor.text, at + 1);
    }
  }
  candidates.push(0);
  return candidates.find(
    (base) => spansOf(mention, base).length === presentSpans(mention).length && actorsAgree(mention, event, base),
  );
}

function presentSpans(mention) {
  return ['source', 'verb', 'target'].filter((kind) => Array.isArray(mention.offsets[kind]));
}

function spansOf(mention, base) {
  const spans = [];
  for (const kind of presentSpans(mention)) {
    const [start, end] = mention.offsets[kind];
    const from = start - base;
    const to = end - base;
    if (from >= 0 && to > from && to <= mention.sentence.length) spans.push({ kind, from, to });
  }
  return spans;
}

function actorsAgree(mention, event, base) {
  return spansOf(mention, base).every(({ kind, from, to }) => {
    const actor = kind === 'verb' ? null : event[kind];
    return !actor?.text || mention.sentence.slice(from, to).toLowerCase() === actor.text.toLowerCase();
  });
}

// Fallback when offsets cannot be mapped: mark the actors' texts wherever the sentence has them.
function spansByText(mention, event) {
  const spans = [];
  for (const kind of ['source', 'target']) {
    const text = event[kind]?.text;
    const at = text ? mention.sentence.toLowerCase().indexOf(text.toLowerCase()) : -1;
    if (text && at >= 0) spans.push({ kind, from: at, to: at + text.length });
  }
  return spans;
}

/** The mention's sentence as a <blockquote> with source, verb and target marked. */
export function highlightedSentence(mention, event) {
  const base = sentenceStart(mention, event);
  const spans = (base === undefined ? spansByText(mention, event) : spansOf(mention, base)).sort(
    (a, b) => a.from - b.from,
  );
  const quote = el('blockquote');
  let cursor = 0;
  for (const span of spans) {
    if (span.from < cursor) continue; // overlapping spans: keep the first
    quote.append(
      mention.sentence.slice(cursor, span.from),
      el('mark', { class: span.kind, title: span.kind }, mention.sentence.slice(span.from, span.to)),
    );
    cursor = span.to;
  }
  quote.append(mention.sentence.slice(cursor));
  return quote;
}
