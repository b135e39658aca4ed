/**
 * zh-CN messages of rk-exam-plan (keys `plan.*`).
 * The element registers them when it is defined (`define(tag, element, messages)`), so a page
 * that loads one element carries only that element's messages; English is in plan.en.ts, loaded
 * with en.ts only when a page asks for English.
 */
export const planZhCN = {
  // rk-exam-plan
  'plan.title': '考试计划',
  'plan.loading': '正在加载考试计划…',
  'plan.loadError': '考试计划加载失败：{reason}',
  'plan.noBackend': '页面没有连接报名系统，无法显示考试计划。',
  'plan.examDates': '考试日期：{dates}',
  'plan.registrationWindow': '网上报名：{opensAt} 至 {closesAt}',
  'plan.paymentWindow': '网上缴费：{opensAt} 至 {closesAt}',
  'plan.filter.legend': '按级别查看',
  'plan.filter.all': '全部',
  'plan.level.heading': '{level}（{count} 个资格）',
  'plan.col.qualification': '资格名称',
  'plan.col.subjects': '考试科目与时间',
  'plan.col.fee': '报名费',
  'plan.col.action': '报考',
  'plan.select': '选择',
  'plan.selectFor': '报考{qualification}',
  'plan.selected': '已选择',
  'plan.selectedNote': '已选择：{level} {qualification}',
  'plan.fee.perLevel': '{amount}（按级别）',
  'plan.fee.perSubject': '每科 {amount}',
  'plan.fee.unknown': '以考区公布为准',
  'plan.empty': '本次考试该级别没有开考的资格。',
  'plan.timeZone': '时间均为北京时间。',
};
