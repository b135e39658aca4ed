/**
 * User input checked with the zod schemas, with one translated message per field: what a form
 * shows next to each input and in its error summary.
 */
import type * as z from 'zod/mini';
import { registerMessages, translate, type Locale, type MessageOverrides } from './i18n/index.js';
import { validationZhCN } from './i18n/parts/validation.js';

// The `v.*` messages come with the checks that show them (the forms fetch them on demand).
registerMessages(validationZhCN);

export type FieldErrors = Record<string, string>;

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Parses `value`; on failure returns the first message of each field (key: the dotted path,
 * `''` for the whole value). Issue messages that are i18n keys (`v.*`) are translated; zod's own
 * messages (a wrong type, say) become `v.invalid`.
 */
export function checkInput<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  locale: Locale = 'zh-CN',
  overrides?: MessageOverrides,
): Checked<z.infer<S>> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data as z.infer<S> };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (field in errors) continue;
    const key = issue.message.startsWith('v.') ? issue.message : missing(issue) ? 'v.required' : 'v.invalid';
    errors[field] = translate(locale, key, {}, overrides);
  }
  return { ok: false, errors };
}

/** An absent value: zod reports it as an invalid type with input undefined. */
function missing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
}
