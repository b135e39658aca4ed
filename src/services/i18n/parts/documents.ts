/**
 * zh-CN names of identity documents (`document.*`) and genders (`gender.*`), shown by the elements
 * that handle a candidate's identity: rk-realname, rk-registration-form and rk-ticket-printer
 * register them when they are defined (`define(tag, element, messages)`); English is in
 * documents.en.ts, loaded with en.ts only when a page asks for English.
 */
export const documentsZhCN = {
  'document.resident-id': '居民身份证',
  'document.social-security-card': '社会保障卡',
  'document.hmt-residence-permit': '港澳台居民居住证',
  'document.hk-macao-pass': '港澳居民来往内地通行证',
  'document.taiwan-pass': '台湾居民来往大陆通行证',
  'document.foreign-permanent-residence': '外国人永久居留身份证',
  'document.passport': '护照',
  'gender.male': '男',
  'gender.female': '女',
};
