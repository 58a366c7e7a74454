export { availableMergeCodes, type MergeCodeInfo } from './available.js';
export { renderMergeText } from './render.js';
export { CUSTOM_PREFIXES, resolveMergeCode } from './resolve.js';
export { findMergeCodes, type MergeCodeMatch } from './syntax.js';
export { mergeCodeIssue, validateMergeCodes } from './validate.js';
