/**
 * Chinese (zh-CN) messages, the default. Keys are shared with every other locale; `{name}`
 * placeholders are filled by `translate()`. A site overrides any message through
 * `rk-provider`'s `messages` property.
 *
 * Here are the core's messages; each element's are in `parts/` and are registered when the
 * element is defined, so that one element on a page does not carry the others' texts.
 */
import type { documentsZhCN } from './parts/documents.js';
import type { loginZhCN } from './parts/login.js';
import type { noticeZhCN } from './parts/notice.js';
import type { paymentZhCN } from './parts/payment.js';
import type { photoZhCN } from './parts/photo.js';
import type { planZhCN } from './parts/plan.js';
import type { portalZhCN } from './parts/portal.js';
import type { printerZhCN } from './parts/printer.js';
import type { queriesZhCN } from './parts/queries.js';
import type { realnameZhCN } from './parts/realname.js';
import type { registrationZhCN } from './parts/registration.js';
import type { timelineZhCN } from './parts/timeline.js';
import type { validationZhCN } from './parts/validation.js';

/** The messages every element may show: common words and errors. */
export const coreZhCN = {
  // Common
  'common.loading': '正在加载…',
  'common.validationListed': '提交的信息有误，请按以下提示修改。',
  'common.retry': '重试',
  'common.required': '必填',
  'common.close': '关闭',
  'common.yuan': '{amount} 元',

  // Errors of the adapter, by kind
  'error.network': '网络连接失败，请检查网络后重试。',
  'error.timeout': '服务器长时间没有响应，请稍后重试。',
  'error.http': '服务器暂时无法处理请求（错误 {status}），请稍后重试。',
  'error.invalid-response': '服务器返回的数据有误，请稍后重试或联系考试机构。',
  'error.business': '{message}',
  'error.unknown': '发生未知错误，请刷新页面后重试。',

  // Business errors the elements know
  'error.code.CAPTCHA_WRONG': '图形验证码错误，请重新输入。',
  'error.code.CODE_WRONG': '验证码错误或已过期。',
  'error.code.PASSWORD_WRONG': '账号或密码错误。',
  'error.code.ACCOUNT_UNKNOWN': '该账号尚未注册。',
  'error.code.ACCOUNT_EXISTS': '该账号已注册，请直接登录。',
  'error.code.TOO_MANY_ATTEMPTS': '尝试次数过多，请 {minutes} 分钟后再试。',
  'error.code.UNAUTHENTICATED': '登录已失效，请重新登录。',
  'error.code.REALNAME_MISMATCH': '姓名与证件号码不一致，请核对。',
  'error.code.REALNAME_REQUIRED': '请先完成实名认证。',
  'error.code.VALIDATION': '提交的信息有误，请检查标出的项目。',
  'error.code.WINDOW_NOT_OPEN': '尚未到办理时间。',
  'error.code.WINDOW_CLOSED': '办理时间已结束。',
  'error.code.INVALID_STATE': '当前状态下不能进行此操作，请刷新页面。',
  'error.code.ALREADY_PAID': '该报名已缴费，无需重复缴费。',
  'error.code.NOT_FOUND': '未找到相关信息。',
  'error.code.PHOTO_REJECTED': '照片不符合要求，请重新处理后上传。',
  'error.code.RATE_LIMITED': '操作过于频繁，请 {seconds} 秒后重试。',

  // Provider
  'provider.sessionError': '无法获取登录状态：{reason}',
};

/** Every message key: the core's and each element's (src/services/i18n/parts/). */
export type MessageKey =
  | keyof typeof coreZhCN
  | keyof typeof documentsZhCN
  | keyof typeof loginZhCN
  | keyof typeof noticeZhCN
  | keyof typeof paymentZhCN
  | keyof typeof photoZhCN
  | keyof typeof planZhCN
  | keyof typeof portalZhCN
  | keyof typeof printerZhCN
  | keyof typeof queriesZhCN
  | keyof typeof realnameZhCN
  | keyof typeof registrationZhCN
  | keyof typeof timelineZhCN
  | keyof typeof validationZhCN;
/** A message: a string with `{name}` placeholders. */
export type Messages = Record<MessageKey, string>;
