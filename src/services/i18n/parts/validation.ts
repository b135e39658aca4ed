/**
 * zh-CN messages of the input checks (keys `v.*`: the zod schemas' messages and the forms' own).
 * validation.ts registers them: they come with the checks, which the forms fetch on demand, so an
 * element that checks nothing does not carry them. English is in validation.en.ts, loaded with
 * en.ts only when a page asks for English.
 */
export const validationZhCN = {
  'v.required': '此项为必填项',
  'v.tooLong': '内容过长',
  'v.date': '请输入正确的日期，格式如 2026-03-15',
  'v.yearMonth': '请输入正确的年月，格式如 2020-07',
  'v.name': '请输入证件上的姓名（中文姓名可含“·”）',
  'v.mobile': '请输入正确的11位手机号码',
  'v.email': '请输入正确的电子邮箱',
  'v.account': '请输入手机号码或电子邮箱',
  'v.postalCode': '邮政编码为6位数字',
  'v.landline': '请输入正确的固定电话，如 0871-64312910',
  'v.code': '请输入收到的验证码',
  'v.passwordLength': '密码长度为8至32位',
  'v.passwordMix': '密码须同时包含字母和数字',
  'v.subjects': '请选择报考科目',
  'v.years': '请输入0至60之间的年数',
  'v.validToBeforeFrom': '有效期截止日期须晚于开始日期',
  'v.reasonShort': '请具体说明变更原因（至少5个字）',
  'v.document.empty': '请输入证件号码',
  'v.document.length': '证件号码位数不对',
  'v.document.characters': '证件号码含有不允许的字符',
  'v.document.region': '证件号码的地区码不正确',
  'v.document.date': '证件号码中的出生日期不存在',
  'v.document.future-date': '证件号码中的出生日期晚于今天',
  'v.document.checksum': '证件号码校验位不正确，请核对',
  'v.document.format': '证件号码格式不正确',
  'v.invalid': '格式不正确',
};
