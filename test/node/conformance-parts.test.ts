/**
 * The conformance kit's parts: the made-up candidates' ID numbers pass the library's own GB 11643
 * check (an independent implementation), the photos are what the contract asks for (or
 * deliberately not), the document's messages name the place and the schema, and the session
 * cookie's attributes are read as browsers read them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import jpeg from 'jpeg-js';
import { clearsCookie, parseSetCookie, sessionCookieProblems } from '../../conformance/cookies.js';
import { ContractDocument } from '../../conformance/document.js';
import { jpegDimensions, portraitJpeg, portraitPng } from '../../conformance/data/photos.js';
import { mobileNumber, password, personName, residentId } from '../../conformance/data/people.js';
import { defaultDocumentPath } from '../../conformance/run.js';
import { isMainlandMobile } from '../../src/services/contact.js';
import { checkIdValidity, validateDocumentNumber } from '../../src/services/id-document.js';
import { PersonName, Password } from '../../src/services/schemas.js';

describe('the kit\'s made-up candidates', () => {
  it('resident ID numbers pass GB 11643 (the library\'s check), with a card valid today', () => {
    const today = '2026-12-06';
    for (let i = 0; i < 200; i++) {
      const id = residentId(today);
      const check = validateDocumentNumber('resident-id', id.number, new Date(`${today}T12:00:00+08:00`));
      assert.ok(check.ok, `${id.number}: ${JSON.stringify(check)}`);
      assert.equal(check.info?.birthDate, id.birthDate);
      assert.equal(check.info?.gender, id.gender);
      assert.deepEqual(checkIdValidity(id.birthDate, id.validFrom, id.validTo, new Date(`${today}T12:00:00+08:00`)), [], `${JSON.stringify(id)} is a card of the legal length, valid today`);
    }
  });

  it('mobile numbers, passwords and names fit the library\'s rules', () => {
    for (let i = 0; i < 50; i++) {
      assert.ok(isMainlandMobile(mobileNumber()));
      assert.equal(Password.safeParse(password()).success, true);
      assert.equal(PersonName.safeParse(personName()).success, true);
    }
  });
});

describe('the kit\'s photos', () => {
  it('the checked photo: a 295×413 JPEG of about 10 KB, white background, a figure in the middle', () => {
    const bytes = portraitJpeg();
    assert.deepEqual(jpegDimensions(bytes), { width: 295, height: 413 });
    assert.ok(bytes.length > 6 * 1024 && bytes.length < 16 * 1024, `${bytes.length} bytes`);
    const image = jpeg.decode(bytes, { useTArray: true });
    assert.equal(image.width, 295);
    const pixel = (x: number, y: number) => Array.from(image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3));
    for (const [x, y] of [[3, 3], [290, 3], [3, 200]] as const) assert.ok(pixel(x, y).every((value) => value > 240), `white at ${x},${y}: ${pixel(x, y)}`);
    assert.ok(pixel(147, 160).some((value) => value < 240), 'a face in the middle');
  });

  it('the refused ones: a real PNG, a JPEG of other dimensions', () => {
    const png = portraitPng();
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(jpegDimensions(png), null);
    assert.deepEqual(jpegDimensions(portraitJpeg(300, 400)), { width: 300, height: 400 });
    assert.notEqual(portraitJpeg(), portraitJpeg(), 'each caller gets its own copy');
  });
});

describe('the kit\'s reading of the document', () => {
  const doc = ContractDocument.load(defaultDocumentPath());

  it('every example in the document (of schemas and their fields) passes its schema', () => {
    const examples = schemaExamples();
    for (const { pointer, example } of examples) assert.deepEqual(doc.check(pointer, example), [], pointer);
    assert.ok(examples.length > 50, `${examples.length} examples`);
  });

  it('names the place and the schema of a mismatch, and only the branch a tag names', () => {
    assert.deepEqual(doc.check('#/components/schemas/Captcha', { id: 'c1', image: 'javascript:alert(1)' }), [{ pointer: '/image', message: 'must match the pattern of ImageUrl' }]);
    assert.deepEqual(doc.check('#/components/schemas/TicketAvailability', { status: 'not-yet' }), [{ pointer: '/opensAt', message: 'is required but missing' }]);
    assert.deepEqual(doc.check('#/components/schemas/TicketAvailability', { status: 'soon' }), [{ pointer: '/status', message: 'is "soon", not one of the values the document gives status' }]);
    const photo = doc.check('#/components/schemas/Photo', { id: 'p', url: '/p.jpg', width: 295, height: 413, bytes: 1, uploadedAt: 'yesterday' });
    assert.ok(photo.some((issue) => issue.pointer === '/uploadedAt' && /DateTime|date-time/.test(issue.message)), JSON.stringify(photo));
    assert.deepEqual(doc.check('#/components/schemas/ApplicationState', { application: 5 }), [{ pointer: '/application', message: 'must be object or null' }]);
    assert.deepEqual(doc.check('#/components/schemas/Error_VALIDATION', { code: 'VALIDATION', message: '有误' }), [{ pointer: '/details', message: 'is required but missing' }]);
  });

  it('reads each operation\'s auth, idempotency, CSRF and codes per status from the document', () => {
    const submit = doc.operation('submitApplication');
    assert.equal(submit.auth, 'required');
    assert.equal(submit.idempotent, true);
    assert.equal(submit.csrf, true);
    assert.equal(submit.statusOfCode.get('IDEMPOTENCY_KEY_REUSED'), 422);
    assert.deepEqual(submit.responses.get(409)?.codes.sort(), ['IDEMPOTENCY_IN_PROGRESS', 'INVALID_STATE']);
    assert.equal(doc.operation('getSession').auth, 'optional');
    assert.equal(doc.operation('getExamSession').auth, 'none');
    assert.equal(doc.operation('setClock').auth, 'office');
    assert.deepEqual(doc.operation('login').responses.get(429)?.requiredHeaders, ['Retry-After']);
    assert.deepEqual(doc.names, { sessionCookie: 'rk_session', csrfHeader: 'X-CSRF-Token', officeKeyHeader: 'X-Office-Key', idempotencyHeader: 'Idempotency-Key' });
  });

  /** Every `examples` of a schema or a schema inside one (properties, items, branches), with its pointer. */
  function schemaExamples(): Array<{ pointer: string; example: unknown }> {
    const file = JSON.parse(readFileSync(defaultDocumentPath(), 'utf8')) as { components: { schemas: Record<string, unknown> } };
    const found: Array<{ pointer: string; example: unknown }> = [];
    const visit = (node: unknown, pointer: string): void => {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
      const schema = node as Record<string, unknown>;
      if (Array.isArray(schema.examples)) for (const example of schema.examples) found.push({ pointer, example });
      for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) visit(child, `${pointer}/properties/${name}`);
      if (schema.items) visit(schema.items, `${pointer}/items`);
      for (const keyword of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(schema[keyword])) (schema[keyword] as unknown[]).forEach((child, index) => visit(child, `${pointer}/${keyword}/${index}`));
    };
    for (const [name, schema] of Object.entries(file.components.schemas)) visit(schema, `#/components/schemas/${name}`);
    return found;
  }
});

describe('the kit\'s reading of Set-Cookie', () => {
  const base = new URL('https://exam.example.gov.cn/api/');
  it('a session cookie as the contract sets it has no problem; each missing attribute is named', () => {
    const good = parseSetCookie('rk_session=abc; Path=/api; Max-Age=28800; HttpOnly; SameSite=Lax; Secure')!;
    assert.deepEqual(sessionCookieProblems(good, base), []);
    const bare = parseSetCookie('rk_session=abc')!;
    assert.deepEqual(sessionCookieProblems(bare, base).map((problem) => problem.split(' ').slice(0, 2).join(' ')), ['lacks HttpOnly', 'lacks SameSite', 'lacks Path', 'lacks Secure']);
    assert.match(sessionCookieProblems(parseSetCookie('rk_session=a; Path=/other; HttpOnly; SameSite=Lax; Secure')!, base)[0]!, /does not cover the API base path/);
    assert.match(sessionCookieProblems(parseSetCookie('rk_session=a; Path=/; HttpOnly; SameSite=None')!, new URL('http://localhost/api/'))[0]!, /SameSite=None without Secure/);
  });

  it('a cookie is cleared by Max-Age=0 or an Expires in the past, not by an empty value alone', () => {
    assert.equal(clearsCookie(parseSetCookie('rk_session=; Path=/api; Max-Age=0')!), true);
    assert.equal(clearsCookie(parseSetCookie('rk_session=; Path=/api; Expires=Thu, 01 Jan 1970 00:00:00 GMT')!), true);
    assert.equal(clearsCookie(parseSetCookie('rk_session=; Path=/api')!), false);
    assert.equal(clearsCookie(parseSetCookie('rk_session=x; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT')!), false, 'Max-Age wins over Expires');
  });
});
