/**
 * The journey after submission, with the office played through the office API: review (a
 * rejection, the edit and the new submission, the approval), the order (no key, against the
 * schema, 8 at once with one key, the replay, the key with another body), an unknown order and
 * another candidate's, the payment confirmed, ALREADY_PAID, the 报名表, the change request and
 * its answer, tickets (moving the clock into the printing window when the ticket is not yet
 * out), the arrangement, scores, certificates, and logout.
 */
import { portraitJpeg } from '../data/photos.js';
import { type Answer, type Candidate, newKey } from '../kit.js';
import { findCookie, clearsCookie } from '../cookies.js';
import { photoForm, replay } from './application.js';
import { type Context, concurrentDuplicates, MINUTE, moveClock, signIn } from './context.js';

export async function officeJourneySteps(ctx: Context): Promise<void> {
  const { kit, flow } = ctx;
  const a = (): Candidate => flow.facts.aVerified!.candidate;

  await flow.step('review: the queue, an unknown application, a rejection with its reason', ['application', 'office'], [], async () => {
    const step = 'review: the queue, an unknown application, a rejection with its reason';
    const application = flow.facts.application!;
    const queue = await kit.call(step, 'getReviewQueue', { expect: 'ok' });
    const waiting = kit.need<{ applications: Array<{ id: string }> }>(queue);
    kit.check(queue, waiting.applications.some((entry) => entry.id === application.id), 'body/applications', 'must hold the submitted application', { expected: application.id, got: waiting.applications.map((entry) => entry.id).join(', ') || '(empty)' });
    await kit.call(step, 'reviewApplication', { params: { applicationId: 'kit-unknown-application' }, json: { result: 'approved' }, expect: 'NOT_FOUND' });
    const reason = '照片背景不符合要求，请重新上传（一致性测试）';
    const rejected = await kit.call(step, 'reviewApplication', { params: { applicationId: application.id }, json: { result: 'rejected', reason }, expect: 'ok' });
    const answer = kit.need<{ status: string }>(rejected);
    kit.check(rejected, answer.status === 'rejected', 'body/status', 'must be rejected', { expected: 'rejected', got: answer.status });
    const seen = await kit.call(step, 'getApplication', { as: a(), expect: 'ok' });
    const state = kit.need<{ application: { status: string; review: { result: string; reason?: string } | null } | null }>(seen);
    kit.check(seen, state.application?.status === 'rejected', 'body/application/status', 'the candidate sees the rejection', { expected: 'rejected', got: state.application?.status ?? null });
    kit.check(seen, state.application?.review?.reason === reason, 'body/application/review/reason', 'the candidate sees the reviewer\'s reason', { expected: reason, got: state.application?.review?.reason ?? null });
  });

  await flow.step('a rejected application: edited, a new photo, submitted again, approved', ['application', 'office'], ['approved'], async () => {
    const step = 'a rejected application: edited, a new photo, submitted again, approved';
    const application = flow.facts.application!;
    const input = { ...flow.facts.input!, employer: '一致性测试单位（更正）' };
    kit.need(await kit.call(step, 'saveApplicationDraft', { as: a(), json: { employer: input.employer }, expect: 'ok' }));
    kit.need(await kit.call(step, 'uploadPhoto', { as: a(), form: photoForm(portraitJpeg(), 'image/jpeg'), expect: 'ok' }));
    const again = await kit.call(step, 'submitApplication', { as: a(), json: input, expect: 'ok' });
    const submitted = kit.need<{ id: string; status: string; registrationNumber: string | null }>(again);
    kit.check(again, submitted.id === application.id, 'body/id', 'a resubmission is the same application', { expected: application.id, got: submitted.id });
    kit.check(again, submitted.status === 'submitted', 'body/status', 'must be submitted', { expected: 'submitted', got: submitted.status });
    const approved = await kit.call(step, 'reviewApplication', { params: { applicationId: application.id }, json: { result: 'approved' }, expect: 'ok' });
    const answer = kit.need<{ status: string; registrationNumber: string | null; feeFen: number | null }>(approved);
    kit.check(approved, answer.status === 'approved', 'body/status', 'must be approved', { expected: 'approved', got: answer.status });
    await kit.call(step, 'reviewApplication', { params: { applicationId: application.id }, json: { result: 'approved' }, expect: 'INVALID_STATE' });
    flow.facts.application = { ...application, status: 'approved', registrationNumber: answer.registrationNumber, feeFen: answer.feeFen };
    flow.facts.approved = true;
  });

  await flow.step('order refused: no Idempotency-Key, against the schema', ['approved'], [], async () => {
    const step = 'order refused: no Idempotency-Key, against the schema';
    await kit.call(step, 'createPaymentOrder', { as: a(), json: { channel: 'alipay' }, idempotencyKey: 'omit', invalid: true, expect: 'IDEMPOTENCY_KEY_REQUIRED' });
    const answer = await kit.call(step, 'createPaymentOrder', { as: a(), json: { channel: 'kit-cash' }, invalid: true, expect: 'VALIDATION' });
    if (answer.met && answer.conforming) {
      const fields = (answer.body as { details: { fields: Record<string, string> } }).details.fields;
      kit.check(answer, 'channel' in fields, 'body/details/fields/channel', 'must name the broken field channel', { expected: 'channel', got: Object.keys(fields).join(', ') });
    }
  });

  await flow.step('order: 8 at once with one Idempotency-Key, the replay, the key with another body', ['approved'], ['order'], async () => {
    const step = 'order: 8 at once with one Idempotency-Key, the replay, the key with another body';
    const key = newKey();
    const first = await concurrentDuplicates(ctx, step, 'createPaymentOrder', a(), { channel: 'alipay' }, key);
    const order = first.body as { id: string; amountFen: number; applicationId: string };
    kit.check(first, order.applicationId === flow.facts.application!.id, 'body/applicationId', 'the order is for the candidate\'s application', { expected: flow.facts.application!.id, got: order.applicationId });
    const fee = flow.facts.application!.feeFen;
    if (fee !== null) kit.check(first, order.amountFen === fee, 'body/amountFen', 'the order is for the application\'s fee', { expected: fee, got: order.amountFen });
    await replay(ctx, step, 'createPaymentOrder', a(), { channel: 'alipay' }, key, first);
    // Another key for the same channel while its order is open: that order again.
    const again = await kit.call(step, 'createPaymentOrder', { as: a(), json: { channel: 'alipay' }, expect: 'ok' });
    if (again.met && again.conforming) kit.check(again, (again.body as { id: string }).id === order.id, 'body/id', 'creating an order while one of the channel is open returns that order', { expected: order.id, got: (again.body as { id: string }).id });
    await kit.call(step, 'createPaymentOrder', { as: a(), json: { channel: 'wechat' }, idempotencyKey: key, expect: 'IDEMPOTENCY_KEY_REUSED' });
    const current = await kit.call(step, 'getCurrentPayment', { as: a(), expect: 'ok' });
    const payment = kit.need<{ order: { id: string } | null }>(current);
    kit.check(current, payment.order?.id === order.id, 'body/order/id', 'one order: the one the duplicates answered', { expected: order.id, got: payment.order?.id ?? null });
    const status = await kit.call(step, 'getPaymentStatus', { as: a(), params: { orderId: order.id }, expect: 'ok' });
    const answer = kit.need<{ orderId: string; status: string }>(status);
    kit.check(status, answer.orderId === order.id, 'body/orderId', 'must be the order asked for', { expected: order.id, got: answer.orderId });
    kit.check(status, answer.status === 'unpaid' || answer.status === 'paying', 'body/status', 'a new order is unpaid (or paying)', { expected: 'unpaid', got: answer.status });
    flow.facts.order = { id: order.id, amountFen: order.amountFen };
  });

  await flow.step('orders not found: unknown, another candidate\'s (candidate B)', ['order', 'b'], [], async () => {
    const step = 'orders not found: unknown, another candidate\'s (candidate B)';
    await kit.call(step, 'getPaymentStatus', { as: a(), params: { orderId: 'kit-unknown-order' }, expect: 'NOT_FOUND' });
    await kit.call(step, 'getPaymentStatus', { as: flow.facts.b!, params: { orderId: flow.facts.order!.id }, expect: 'NOT_FOUND' });
  });

  await flow.step('payment confirmed by the office; ALREADY_PAID after', ['order', 'office'], ['paid'], async () => {
    const step = 'payment confirmed by the office; ALREADY_PAID after';
    const order = flow.facts.order!;
    await kit.call(step, 'markOrderPaid', { params: { orderId: 'kit-unknown-order' }, expect: 'NOT_FOUND' });
    const marked = await kit.call(step, 'markOrderPaid', { params: { orderId: order.id }, expect: 'ok' });
    const paid = kit.need<{ status: string; receipt: { amountFen: number } | null }>(marked);
    kit.check(marked, paid.status === 'paid', 'body/status', 'must be paid', { expected: 'paid', got: paid.status });
    kit.check(marked, paid.receipt?.amountFen === order.amountFen, 'body/receipt/amountFen', 'the receipt is for the order\'s amount', { expected: order.amountFen, got: paid.receipt?.amountFen ?? null });
    await kit.call(step, 'markOrderPaid', { params: { orderId: order.id }, expect: 'INVALID_STATE' });
    const status = await kit.call(step, 'getPaymentStatus', { as: a(), params: { orderId: order.id }, expect: 'ok' });
    const seen = kit.need<{ status: string; receipt: unknown }>(status);
    kit.check(status, seen.status === 'paid' && seen.receipt !== null, 'body/status', 'the candidate sees the payment with its receipt', { expected: 'paid', got: seen.status });
    const state = await kit.call(step, 'getApplication', { as: a(), expect: 'ok' });
    const application = kit.need<{ application: { status: string } | null }>(state);
    kit.check(state, application.application?.status === 'paid', 'body/application/status', 'a paid application is paid', { expected: 'paid', got: application.application?.status ?? null });
    await kit.call(step, 'createPaymentOrder', { as: a(), json: { channel: 'wechat' }, expect: 'ALREADY_PAID' });
    flow.facts.paid = true;
  });

  await flow.step('the 报名表 (registration slip)', ['paid'], [], async () => {
    const step = 'the 报名表 (registration slip)';
    const answer = await kit.call(step, 'getRegistrationSlip', { as: a(), expect: 'ok' });
    const slip = kit.need<{ registrationNumber: string; photoUrl: string | null }>(answer);
    kit.check(answer, slip.photoUrl !== null, 'body/photoUrl', 'the 报名表 shows the uploaded photo', { expected: 'a URL', got: null });
    const expected = flow.facts.application!.registrationNumber;
    if (expected !== null) kit.check(answer, slip.registrationNumber === expected, 'body/registrationNumber', 'must be the application\'s registration number', { expected, got: slip.registrationNumber });
  });

  await flow.step('a change request, a second one (INVALID_STATE), the office\'s answer', ['paid', 'office'], ['changeAnswered'], async () => {
    const step = 'a change request, a second one (INVALID_STATE), the office\'s answer';
    const application = flow.facts.application!;
    const short = await kit.call(step, 'requestChange', { as: a(), json: { reason: '短' }, invalid: true, expect: 'VALIDATION' });
    if (short.met && short.conforming) {
      const fields = (short.body as { details: { fields: Record<string, string> } }).details.fields;
      kit.check(short, 'reason' in fields, 'body/details/fields/reason', 'must name the broken field reason', { expected: 'reason', got: Object.keys(fields).join(', ') });
    }
    const reason = '工作单位填写有误，申请更正（一致性测试）';
    const requested = await kit.call(step, 'requestChange', { as: a(), json: { reason }, expect: 'ok' });
    const change = kit.need<{ status: string; reason: string }>(requested);
    kit.check(requested, change.status === 'pending', 'body/status', 'a new change request is pending', { expected: 'pending', got: change.status });
    kit.check(requested, change.reason === reason, 'body/reason', 'must be the reason given', { expected: reason, got: change.reason });
    await kit.call(step, 'requestChange', { as: a(), json: { reason: '再次申请变更（一致性测试）' }, expect: 'INVALID_STATE' });
    const state = await kit.call(step, 'getApplication', { as: a(), expect: 'ok' });
    const seen = kit.need<{ application: { status: string } | null }>(state);
    kit.check(state, seen.application?.status === 'change-requested', 'body/application/status', 'must be change-requested', { expected: 'change-requested', got: seen.application?.status ?? null });
    await kit.call(step, 'answerChangeRequest', { params: { applicationId: 'kit-unknown-application' }, json: { approved: true }, expect: 'NOT_FOUND' });
    const answered = await kit.call(step, 'answerChangeRequest', { params: { applicationId: application.id }, json: { approved: true, response: '已按申请更正（一致性测试）' }, expect: 'ok' });
    const after = kit.need<{ status: string; changeRequest: { status: string } | null }>(answered);
    kit.check(answered, after.changeRequest?.status === 'approved', 'body/changeRequest/status', 'must be approved', { expected: 'approved', got: after.changeRequest?.status ?? null });
    kit.check(answered, after.status === 'paid' || after.status === 'ticket-available', 'body/status', 'an answered change request leaves the application paid', { expected: 'paid', got: after.status });
    await kit.call(step, 'answerChangeRequest', { params: { applicationId: application.id }, json: { approved: true }, expect: 'INVALID_STATE' });
    flow.facts.changeAnswered = true;
  });

  await flow.step('admission tickets published; the 准考证 and the arrangement', ['changeAnswered'], ['tickets'], async () => {
    const step = 'admission tickets published; the 准考证 and the arrangement';
    // A backend that has run the kit before may have published this round's tickets already; a
    // candidate who pays after that has the ticket at once, and the call then publishes none.
    const before = await kit.call(step, 'getApplication', { as: a(), expect: 'ok' });
    const hadTicket = kit.need<{ application: { status: string } | null }>(before).application?.status === 'ticket-available';
    const published = await kit.call(step, 'publishTickets', { expect: 'ok' });
    const count = kit.need<{ count: number }>(published);
    if (hadTicket) kit.check(published, count.count >= 0, 'body/count', 'a count of the tickets published', { expected: '≥ 0', got: count.count });
    else kit.check(published, count.count >= 1, 'body/count', 'at least the candidate\'s ticket is published', { expected: '≥ 1', got: count.count });
    const ticket = await available(ctx, step, 'getAdmissionTicket');
    const content = ticket.body as { content: { name: string } };
    const name = flow.facts.aVerified!.identity.name;
    kit.check(ticket, content.content.name === name, 'body/content/name', 'the ticket carries the candidate\'s name', { expected: name, got: content.content.name });
    const arrangement = await available(ctx, step, 'getExamArrangement');
    const items = (arrangement.body as { content: { items: unknown[] } }).content.items;
    kit.check(arrangement, items.length === flow.facts.application!.subjectCount, 'body/content/items', 'one item per subject applied for', { expected: flow.facts.application!.subjectCount, got: items.length });
    flow.facts.tickets = true;
  });

  await flow.step('scores published; the candidate passed', ['tickets'], ['scored'], async () => {
    const step = 'scores published; the candidate passed';
    const application = flow.facts.application!;
    await kit.call(step, 'publishScores', { json: { passLine: 45, results: [{ applicationId: 'kit-unknown-application', scores: [60] }] }, expect: 'NOT_FOUND' });
    const published = await kit.call(step, 'publishScores', { json: { passLine: 45, results: [{ applicationId: application.id, scores: Array.from({ length: application.subjectCount }, () => 60) }] }, expect: 'ok' });
    const count = kit.need<{ count: number }>(published);
    kit.check(published, count.count === 1, 'body/count', 'one application scored', { expected: 1, got: count.count });
    const scores = await available(ctx, step, 'getScores');
    const report = (scores.body as { content: { passed: boolean; subjects: Array<{ score: number | null }> } }).content;
    kit.check(scores, report.passed === true, 'body/content/passed', '60 of every subject with the pass line 45 is a pass', { expected: true, got: report.passed });
    kit.check(scores, report.subjects.every((subject) => subject.score === 60), 'body/content/subjects', 'must be the scores published', { expected: 60, got: report.subjects.map((subject) => subject.score).join(', ') });
    flow.facts.scored = true;
  });

  await flow.step('certificates issued', ['scored'], [], async () => {
    const step = 'certificates issued';
    const issued = await kit.call(step, 'issueCertificates', { expect: 'ok' });
    const count = kit.need<{ count: number }>(issued);
    kit.check(issued, count.count >= 1, 'body/count', 'the candidate passed: a certificate', { expected: '≥ 1', got: count.count });
    const answer = await kit.call(step, 'getCertificates', { as: a(), expect: 'ok' });
    const list = kit.need<{ certificates: Array<{ name: string }> }>(answer);
    const name = flow.facts.aVerified!.identity.name;
    kit.check(answer, list.certificates.some((certificate) => certificate.name === name), 'body/certificates', 'the candidate\'s certificate', { expected: name, got: list.certificates.map((certificate) => certificate.name).join(', ') || '(none)' });
  });

  if (ctx.clockMoved) {
    await flow.step('the clock back to real time', ['testApi'], [], async () => {
      await moveClock(ctx, 'the clock back to real time', null);
    });
  }

  await flow.step('logout (candidate A): the session ends', ['a'], [], async () => {
    await logoutChecks(ctx, 'logout (candidate A): the session ends', flow.facts.a!);
  });
}

/**
 * A paper that exists inside a window (ticket, arrangement, scores): available, or `not-yet` until
 * a time; then the kit moves the clock there (test API), signs in again and asks once more.
 */
async function available(ctx: Context, step: string, operation: string): Promise<Answer> {
  const { kit, flow } = ctx;
  const candidate = flow.facts.aVerified!.candidate;
  let answer = await kit.call(step, operation, { as: candidate, expect: 'ok' });
  let body = kit.need<{ status: string; opensAt?: string | null }>(answer);
  if (body.status === 'not-yet' && flow.facts.testApi) {
    const window = operation === 'getScores' ? null : flow.facts.exam?.ticketWindow.opensAt;
    const opensAt = body.opensAt ?? window;
    if (opensAt) {
      kit.recorder.note(`${operation} answered not-yet (opens ${opensAt}): the kit moved the backend's clock there and signed in again`);
      await moveClock(ctx, step, new Date(Date.parse(opensAt) + MINUTE).toISOString());
      await signIn(ctx, step, candidate);
      answer = await kit.call(step, operation, { as: candidate, expect: 'ok' });
      body = kit.need(answer);
    }
  }
  kit.check(answer, body.status === 'available', 'body/status', 'must be available once the office published it (and inside its window)', { expected: 'available', got: body.status });
  kit.need(answer);
  return answer;
}

/** Logout ends the session: ok (the cookie cleared in cookie mode), then no session, then 401. */
export async function logoutChecks(ctx: Context, step: string, candidate: Candidate): Promise<void> {
  const { kit } = ctx;
  const answer = await kit.call(step, 'logout', { as: candidate, expect: 'ok' });
  kit.need(answer);
  if (candidate.mode === 'cookie') {
    const name = kit.doc.names.sessionCookie;
    const cookie = findCookie(answer.setCookies, name);
    kit.check(answer, cookie !== undefined && clearsCookie(cookie), `cookie ${name}`, `logout must clear the session cookie (Set-Cookie: ${name}=; Max-Age=0, or an Expires in the past)`, {
      expected: `${name}=; Max-Age=0`,
      got: cookie ? answer.setCookies.find((header) => header.trim().startsWith(`${name}=`)) : '(no Set-Cookie)',
    });
  }
  const session = await kit.call(step, 'getSession', { as: candidate, expect: 'ok' });
  if (session.met && session.conforming) kit.check(session, (session.body as { session: unknown }).session === null, 'body/session', 'must be null once logged out (the old session must not work)', { expected: null, got: 'a session' });
  await kit.call(step, 'getApplication', { as: candidate, expect: 'UNAUTHENTICATED' });
}
