/**
 * Article extraction: HTML text in, clean article text and metadata out. Offline only; the
 * fetch stage hands the bytes over, nothing here touches the network.
 */
export { type ExtractedArticle, type ExtractOptions, extractArticle } from './article.js';
export { ExtractError, LanguageModelError } from './errors.js';
export { contentHash } from './fingerprint.js';
export type { ArticleFlags } from './flags.js';
export { detectLanguage, loadLanguageDetector } from './language.js';
