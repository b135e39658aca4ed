/**
 * zh-CN messages of rk-exam-notice (keys `notice.*`).
 * The element registers them when it is defined (`define(tag, element, messages)`), so a page
 * that loads one element carries only that element's messages; English is in notice.en.ts, loaded
 * with en.ts only when a page asks for English.
 */
export const noticeZhCN = {
  // rk-exam-notice
  'notice.loading': '正在加载考生须知…',
  'notice.loadError': '考生须知加载失败：{reason}',
  'notice.noBackend': '页面没有连接报名系统，无法显示考生须知。',
  'notice.regionLabel': '{title}全文',
  'notice.readHint': '请阅读至末尾，或等待 {seconds} 秒后勾选同意。',
  'notice.readHintScroll': '请阅读至末尾后勾选同意。',
  'notice.readDone': '您已阅读完毕，请勾选同意。',
  'notice.agree': '我已阅读并同意《{title}》',
  'notice.accept': '同意并继续',
  'notice.mustAgree': '请先勾选“我已阅读并同意”',
  'notice.accepted': '您已阅读并同意《{title}》。',
  'notice.end': '（全文完）',
};
