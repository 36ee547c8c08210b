/**
 * Article extraction: HTML text in, clean article text and metadata out. Offline only; the
 * fetch stage hands the bytes over, nothing here touches the network.
 */
export { extractArticle, type ExtractedArticle, type ExtractOptions } from './article.js';
export type { ArticleFlags } from './flags.js';
export { loadLanguageDetector, detectLanguage } from './language.js';
export { simhash64, hammingDistance, contentHash } from './fingerprint.js';
export { ExtractError, LanguageModelError } from './errors.js';
