/**
 * The words of every named schema of the contract (see `contract-docs.ts`): a description,
 * examples that show every field, and a description per field.
 */
import type * as z from 'zod/mini';
import type { SchemaDoc } from './contract-docs.js';
import * as s from './schemas.js';

const entries: Array<[z.ZodMiniType, SchemaDoc]> = [];
const doc = (schema: z.ZodMiniType, words: SchemaDoc) => entries.push([schema, words]);

doc(s.Captcha, {
  description: '图形验证码 A captcha: a picture of a short code, valid a few minutes, answered once.',
  examples: [
    {
      id: 'captcha-5f0c2a9b1d3e7f60',
      image: 'captcha/5f0c2a9b1d3e7f60.png',
      audio: 'captcha/5f0c2a9b1d3e7f60.mp3',
      expiresAt: '2027-03-15T09:05:00+08:00',
    },
  ],
  fields: {
    id: 'The captcha\'s id, sent back with the answer (captchaId).',
    image: 'The picture (an image URL: see the API\'s rule); 120×40 or larger; the elements enlarge it on request.',
    audio: 'A spoken alternative (适老化), where the backend has one.',
    expiresAt: 'When the captcha runs out; the elements load a new one then.',
  },
});

export const schemaDocEntries: ReadonlyArray<[z.ZodMiniType, SchemaDoc]> = entries;
