/**
 * The candidate's side up to submission: REALNAME_REQUIRED without a real name, the real name
 * (a generated GB 11643 number), the draft (merging, null clears a field, the body rules with a
 * session), photos refused (type, dimensions, empty, size, the body limit, the content type, no
 * part) and the checked photo, submission (no key, against the schema, 8 duplicates at once with
 * one key, the replay, the key with another body) and what a submitted application refuses.
 */
import { jpegDimensions, portraitJpeg, portraitPng } from '../data/photos.js';
import { personName, residentId } from '../data/people.js';
import { type Answer, type Candidate, newKey, StepFailed } from '../kit.js';
import { bodyRules } from './anonymous.js';
import { type Context, concurrentDuplicates, type ExamSessionView, firstDifference, valueAt, type Verified } from './context.js';

/** The registration form for the round: the first qualification of the plan with all its subjects, the first exam area. */
export function applicationInput(exam: ExamSessionView, verified: Verified): Record<string, unknown> {
  const level = exam.plan.levels.find((candidate) => candidate.qualifications.some((qualification) => qualification.subjects.length > 0)) ?? exam.plan.levels[0]!;
  const qualification = level.qualifications.find((candidate) => candidate.subjects.length > 0) ?? level.qualifications[0];
  const province = exam.provinces[0]!;
  const first = (list: string) => exam.formOptions[list]?.[0]?.code;
  const { identity, candidate } = verified;
  const input: Record<string, unknown> = {
    levelId: level.id,
    qualificationId: qualification?.id ?? '',
    subjectIds: qualification?.subjects.map((subject) => subject.id) ?? [],
    provinceCode: province.code,
    areaCode: province.areas[0]?.code ?? '',
    name: identity.name,
    documentType: 'resident-id',
    documentNumber: identity.number,
    gender: identity.gender,
    birthDate: identity.birthDate,
    feeCategory: first('feeCategories') ?? '',
    education: first('educationLevels') ?? '',
    employer: '一致性测试单位',
    address: '云南省昆明市五华区一致性测试路1号',
    mobile: candidate.account,
    postalCode: '650000',
  };
  for (const [field, list] of [['titleCategory', 'titleCategories'], ['workLocation', 'workLocations'], ['studyStatus', 'studyStatuses'], ['degree', 'degrees']] as const) {
    const code = first(list);
    if (code !== undefined) input[field] = code;
  }
  return input;
}

/** A multipart body with one part `photo`. */
export function photoForm(bytes: Uint8Array, type: string, name = 'photo.jpg'): FormData {
  const form = new FormData();
  form.append('photo', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  return form;
}

/** Verifies a candidate's real name with a new resident ID; the step fails unless `verified`. */
export async function verifyRealName(ctx: Context, step: string, candidate: Candidate, today: string): Promise<Verified> {
  const { kit } = ctx;
  const identity = { ...residentId(today), name: personName() };
  const answer = await kit.call(step, 'verifyRealName', {
    as: candidate,
    json: { name: identity.name, documentType: 'resident-id', documentNumber: identity.number, validFrom: identity.validFrom, validTo: identity.validTo },
    expect: 'ok',
  });
  const result = kit.need<{ status: string; name: string; gender: string | null; birthDate: string | null; reason?: string }>(answer);
  kit.check(answer, result.status === 'verified', 'body/status', `a valid resident ID (GB 11643) must be verified at once; the kit cannot go on without a verified real name${result.reason ? ` (reason: ${result.reason})` : ''}`, { expected: 'verified', got: result.status });
  kit.check(answer, result.name === identity.name, 'body/name', 'must be the name verified', { expected: identity.name, got: result.name });
  kit.check(answer, result.gender === identity.gender, 'body/gender', 'must be the gender the ID number carries (its 17th digit)', { expected: identity.gender, got: result.gender });
  kit.check(answer, result.birthDate === identity.birthDate, 'body/birthDate', 'must be the birth date the ID number carries', { expected: identity.birthDate, got: result.birthDate });
  if (!answer.conforming) throw new StepFailed('real name not verified');
  return { candidate, identity };
}

/** The Beijing date of an ISO date-time. */
export function beijingDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The backend's date (its exam session's serverTime), else today's in Beijing. */
export function backendToday(ctx: Context): string {
  return beijingDate(ctx.flow.facts.exam?.serverTime ?? new Date().toISOString());
}

export async function applicationSteps(ctx: Context): Promise<void> {
  const { kit, flow } = ctx;

  await flow.step('REALNAME_REQUIRED before the real name (candidate B)', ['b', 'exam'], [], async () => {
    const step = 'REALNAME_REQUIRED before the real name (candidate B)';
    const b = flow.facts.b!;
    const exam = flow.facts.exam!;
    const stranger: Verified = { candidate: b, identity: { ...residentId(backendToday(ctx)), name: personName() } };
    await kit.call(step, 'saveApplicationDraft', { as: b, json: { employer: '一致性测试单位' }, expect: 'REALNAME_REQUIRED' });
    await kit.call(step, 'uploadPhoto', { as: b, form: photoForm(portraitJpeg(), 'image/jpeg'), expect: 'REALNAME_REQUIRED' });
    await kit.call(step, 'submitApplication', { as: b, json: applicationInput(exam, stranger), expect: 'REALNAME_REQUIRED' });
  });

  await flow.step('real name against the schema: VALIDATION', ['a'], [], async () => {
    const step = 'real name against the schema: VALIDATION';
    const answer = await kit.call(step, 'verifyRealName', {
      as: flow.facts.a!,
      json: { name: '', documentType: 'kit-unknown-type', documentNumber: '', validFrom: 'yesterday', validTo: null },
      invalid: true,
      expect: 'VALIDATION',
    });
    if (answer.met && answer.conforming) {
      const fields = Object.keys((answer.body as { details: { fields: Record<string, string> } }).details.fields);
      kit.check(answer, fields.some((field) => ['name', 'documentType', 'documentNumber', 'validFrom'].includes(field)), 'body/details/fields', `must name the broken fields (name, documentType, documentNumber, validFrom); has ${fields.join(', ') || 'nothing'}`);
    }
  });

  await flow.step('real name (candidate A, a generated resident ID)', ['a'], ['aVerified'], async () => {
    const step = 'real name (candidate A, a generated resident ID)';
    const a = flow.facts.a!;
    flow.facts.aVerified = await verifyRealName(ctx, step, a, backendToday(ctx));
    const answer = await kit.call(step, 'getSession', { as: a, expect: 'ok' });
    const state = kit.need<{ session: { realName: { status: string } | null } | null }>(answer);
    kit.check(answer, state.session?.realName?.status === 'verified', 'body/session/realName/status', 'the session must carry the verified real name', { expected: 'verified', got: state.session?.realName?.status ?? null });
  });

  await flow.step('the draft: saved, merged, a field cleared with null', ['aVerified', 'exam'], ['input'], async () => {
    const step = 'the draft: saved, merged, a field cleared with null';
    const verified = flow.facts.aVerified!;
    const a = verified.candidate;
    const before = await kit.call(step, 'getApplication', { as: a, expect: 'ok' });
    const state = kit.need<{ application: unknown }>(before);
    kit.check(before, state.application === null, 'body/application', 'must be null before the first draft');
    const input = applicationInput(flow.facts.exam!, verified);
    const first = { levelId: input.levelId, qualificationId: input.qualificationId, subjectIds: input.subjectIds, employer: input.employer };
    const saved = await kit.call(step, 'saveApplicationDraft', { as: a, json: first, expect: 'ok' });
    const application = kit.need<{ status: string; fields: Record<string, unknown> }>(saved);
    kit.check(saved, application.status === 'draft', 'body/status', 'a new application is a draft', { expected: 'draft', got: application.status });
    for (const [field, value] of Object.entries(first)) {
      kit.check(saved, firstDifference(application.fields[field], value) === null, `body/fields/${field}`, 'must hold the value saved', { expected: value, got: application.fields[field] });
    }
    const merged = await kit.call(step, 'saveApplicationDraft', { as: a, json: { employer: null, provinceCode: input.provinceCode }, expect: 'ok' });
    const after = kit.need<{ fields: Record<string, unknown> }>(merged);
    kit.check(merged, after.fields.employer === undefined, 'body/fields/employer', 'null clears a field of the draft', { expected: '(absent)', got: after.fields.employer });
    kit.check(merged, after.fields.levelId === input.levelId, 'body/fields/levelId', 'fields not sent keep their saved value (a draft merges)', { expected: input.levelId, got: after.fields.levelId });
    kit.check(merged, after.fields.provinceCode === input.provinceCode, 'body/fields/provinceCode', 'must hold the value saved', { expected: input.provinceCode, got: after.fields.provinceCode });
    flow.facts.input = input;
  });

  await flow.step('request bodies with a session (saveApplicationDraft)', ['aVerified'], [], async () => {
    await bodyRules(ctx, 'request bodies with a session (saveApplicationDraft)', 'saveApplicationDraft', flow.facts.aVerified!.candidate, { employer: '一致性测试单位', address: '云南省昆明市' });
  });

  await flow.step('photos refused: PNG, other dimensions, empty, too large, the body limit, not multipart, no part', ['input'], [], async () => {
    const step = 'photos refused: PNG, other dimensions, empty, too large, the body limit, not multipart, no part';
    const a = flow.facts.aVerified!.candidate;
    const rejected = async (form: FormData, reason: string) => {
      const answer = await kit.call(step, 'uploadPhoto', { as: a, form, invalid: true, expect: 'PHOTO_REJECTED' });
      const got = (answer.body as { details?: { reason?: string } } | undefined)?.details?.reason;
      if (answer.met) kit.check(answer, got === reason, 'body/details/reason', `must say why the photo was refused`, { expected: reason, got });
    };
    await rejected(photoForm(portraitPng(), 'image/png', 'photo.png'), 'type');
    await rejected(photoForm(portraitJpeg(300, 400), 'image/jpeg'), 'dimensions');
    await rejected(photoForm(new Uint8Array(0), 'image/jpeg'), 'empty');
    const big = new Uint8Array(220 * 1024);
    big.set(portraitJpeg());
    await rejected(photoForm(big, 'image/jpeg'), 'size');
    const huge = new Uint8Array(300 * 1024);
    huge.set(portraitJpeg());
    await kit.call(step, 'uploadPhoto', { as: a, form: photoForm(huge, 'image/jpeg'), invalid: true, expect: 'PAYLOAD_TOO_LARGE' });
    await kit.call(step, 'uploadPhoto', { as: a, raw: { body: JSON.stringify({ photo: 'not multipart' }), contentType: 'application/json' }, invalid: true, expect: 'UNSUPPORTED_MEDIA_TYPE' });
    const noPart = new FormData();
    noPart.append('picture', new Blob([portraitJpeg() as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }), 'photo.jpg');
    const missing = await kit.call(step, 'uploadPhoto', { as: a, form: noPart, invalid: true, expect: 'VALIDATION' });
    if (missing.met && missing.conforming) {
      const fields = (missing.body as { details: { fields: Record<string, string> } }).details.fields;
      kit.check(missing, 'photo' in fields, 'body/details/fields/photo', 'must name the missing part photo', { expected: 'photo', got: Object.keys(fields).join(', ') });
    }
  });

  await flow.step('submission refused: no Idempotency-Key, against the schema, no photo yet (a refusal is not kept)', ['input'], ['submitKey'], async () => {
    const step = 'submission refused: no Idempotency-Key, against the schema, no photo yet (a refusal is not kept)';
    const a = flow.facts.aVerified!.candidate;
    const input = flow.facts.input!;
    await kit.call(step, 'submitApplication', { as: a, json: input, idempotencyKey: 'omit', invalid: true, expect: 'IDEMPOTENCY_KEY_REQUIRED' });
    const broken = await kit.call(step, 'submitApplication', { as: a, json: { ...input, mobile: 12345 }, invalid: true, expect: 'VALIDATION' });
    if (broken.met && broken.conforming) {
      const fields = (broken.body as { details: { fields: Record<string, string> } }).details.fields;
      kit.check(broken, 'mobile' in fields, 'body/details/fields/mobile', 'must name the broken field mobile', { expected: 'mobile', got: Object.keys(fields).join(', ') });
    }
    // A complete form without a photo: VALIDATION at photo. The key is used again once the photo is
    // there: a refusal is not kept, so the same key then submits.
    const key = newKey();
    const noPhoto = await kit.call(step, 'submitApplication', { as: a, json: input, idempotencyKey: key, expect: 'VALIDATION' });
    if (noPhoto.met && noPhoto.conforming) {
      const fields = (noPhoto.body as { details: { fields: Record<string, string> } }).details.fields;
      kit.check(noPhoto, 'photo' in fields, 'body/details/fields/photo', 'a submission without an uploaded photo names the photo', { expected: 'photo', got: Object.keys(fields).join(', ') });
    }
    flow.facts.submitKey = key;
  });

  await flow.step('the checked photo (295×413 JPEG)', ['input'], ['photo'], async () => {
    const step = 'the checked photo (295×413 JPEG)';
    const bytes = portraitJpeg();
    const size = jpegDimensions(bytes)!;
    const answer = await kit.call(step, 'uploadPhoto', { as: flow.facts.aVerified!.candidate, form: photoForm(bytes, 'image/jpeg'), expect: 'ok' });
    const photo = kit.need<{ width: number; height: number; bytes: number }>(answer);
    kit.check(answer, photo.width === size.width && photo.height === size.height, 'body/width', 'must be the photo\'s size', { expected: `${size.width}×${size.height}`, got: `${photo.width}×${photo.height}` });
    kit.check(answer, photo.bytes === bytes.length, 'body/bytes', 'must be the photo\'s length in bytes', { expected: bytes.length, got: photo.bytes });
    flow.facts.photo = true;
  });

  await flow.step('submission: 8 at once with one Idempotency-Key (the one refused without a photo), the replay, the key with another body', ['photo'], ['application'], async () => {
    const step = 'submission: 8 at once with one Idempotency-Key (the one refused without a photo), the replay, the key with another body';
    const a = flow.facts.aVerified!.candidate;
    const input = flow.facts.input!;
    const key = flow.facts.submitKey ?? newKey();
    const first = await concurrentDuplicates(ctx, step, 'submitApplication', a, input, key);
    const application = first.body as { id: string; status: string; registrationNumber: string | null; feeFen: number | null };
    kit.check(first, application.status === 'submitted', 'body/status', 'a submitted application is submitted', { expected: 'submitted', got: application.status });
    await replay(ctx, step, 'submitApplication', a, input, key, first);
    // The same JSON value with its keys in another order is the same body.
    await replay(ctx, step, 'submitApplication', a, Object.fromEntries(Object.entries(input).reverse()), key, first);
    await kit.call(step, 'submitApplication', { as: a, json: { ...input, address: `${String(input.address)}（另一个请求）` }, idempotencyKey: key, expect: 'IDEMPOTENCY_KEY_REUSED' });
    const state = await kit.call(step, 'getApplication', { as: a, expect: 'ok' });
    const current = kit.need<{ application: { id: string; status: string } | null }>(state);
    kit.check(state, current.application?.id === application.id, 'body/application/id', 'one application: the one the duplicates answered', { expected: application.id, got: current.application?.id ?? null });
    kit.check(state, current.application?.status === 'submitted', 'body/application/status', 'must be submitted', { expected: 'submitted', got: current.application?.status ?? null });
    kit.check(first, application.feeFen !== null, 'body/feeFen', 'the fee is known once the application is submitted');
    flow.facts.application = { id: application.id, status: application.status, registrationNumber: application.registrationNumber, feeFen: application.feeFen, subjectCount: (input.subjectIds as unknown[]).length };
  });

  await flow.step('a submitted application refuses edits: INVALID_STATE (draft, photo, a new submission, an order, 报名表, a change request)', ['application'], [], async () => {
    const step = 'a submitted application refuses edits: INVALID_STATE (draft, photo, a new submission, an order, 报名表, a change request)';
    const a = flow.facts.aVerified!.candidate;
    await kit.call(step, 'saveApplicationDraft', { as: a, json: { employer: '另一个单位' }, expect: 'INVALID_STATE' });
    await kit.call(step, 'uploadPhoto', { as: a, form: photoForm(portraitJpeg(), 'image/jpeg'), expect: 'INVALID_STATE' });
    await kit.call(step, 'submitApplication', { as: a, json: flow.facts.input!, expect: 'INVALID_STATE' });
    await kit.call(step, 'createPaymentOrder', { as: a, json: { channel: 'alipay' }, expect: 'INVALID_STATE' });
    await kit.call(step, 'getRegistrationSlip', { as: a, expect: 'INVALID_STATE' });
    await kit.call(step, 'requestChange', { as: a, json: { reason: '报考科目需要更正（一致性测试）' }, expect: 'INVALID_STATE' });
  });
}

/** The same key and body again: the first answer again, deep-equal. */
export async function replay(ctx: Context, step: string, operation: string, as: Candidate, json: unknown, key: string, first: Answer): Promise<void> {
  const answer = await ctx.kit.call(step, operation, { as, json, idempotencyKey: key, expect: 'ok' });
  if (!answer.met) return;
  const difference = firstDifference(first.body, answer.body);
  ctx.kit.check(answer, difference === null, `body${difference ?? ''}`, 'the same Idempotency-Key with the same body must answer the first answer again, deep-equal', {
    expected: valueAt(first.body, difference ?? ''),
    got: valueAt(answer.body, difference ?? ''),
  });
}
