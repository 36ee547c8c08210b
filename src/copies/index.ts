/**
 * Copy detection: which article of a syndicated story is its first copy, when a copy is linked to it, what it
 * withdraws and when an outranked article is demoted. The policy is policy.ts; the stages call findFirstCopy
 * (fetch-article) and linkOf (code-events); the stores only store.
 */
export { ArticleBusyError, CopiesError } from './errors.js';
export { findFirstCopy } from './first-copy.js';
export { type CopyLink, linkOf } from './link.js';
export { MAX_COPY_CHAIN } from './policy.js';
