/**
 * The password rule shown to the candidate before they fail it: 8–32 characters, letters and
 * digits. Apart from the schemas (schemas.ts checks it with zod) so a form can show it without zod.
 */
export const PASSWORD_RULE = { min: 8, max: 32 } as const;
