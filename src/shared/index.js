// @ts-check
/**
 * dabiao's shared vocabulary: closed lists with their Chinese labels, field names and the
 * number formats. The one entry both the server and the browser import (served at /shared/).
 */
export * from './vocabulary.js';
export * from './field-labels.js';
export * from './format.js';
