/**
 * The backend's VALIDATION `details.fields` on a form: each message at the form's field (a dotted
 * path such as `subjectIds.1` at its first part), the first for each field, an exact field's
 * before one of its parts; `others` are the messages of fields the form does not show, which it
 * lists as they are (a backend may check more than the contract's fields), each once.
 */
export function validationMessages<F extends string>(
  fields: unknown,
  fieldOf: (name: string) => F | null,
): { placed: Partial<Record<F, string>>; others: string[] } {
  const placed: Partial<Record<F, string>> = {};
  const others: string[] = [];
  if (typeof fields !== 'object' || fields === null) return { placed, others };
  const entries = Object.entries(fields as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
  );
  for (const [path, message] of entries.sort(([a], [b]) => Number(a.includes('.')) - Number(b.includes('.')))) {
    const field = fieldOf(path.split('.')[0]!);
    if (field) placed[field] ??= message;
    else if (!others.includes(message)) others.push(message);
  }
  return { placed, others };
}
