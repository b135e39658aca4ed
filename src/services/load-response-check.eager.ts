/** The CDN build's `load-response-check.ts`: the response check is in the file already. */
import * as responseCheck from './response-check.js';

export const loadResponseCheckModule = () => Promise.resolve(responseCheck);
