import type { Plugin } from 'vite';

/** See third-party-licenses.mjs. */
export const LICENSES_FILE: string;
export function thirdPartyLicenses(): Plugin;
