/**
 * zh-CN messages of rk-portal (keys `portal.*`).
 * The element registers them when it is defined (`define(tag, element, messages)`), so a page
 * that loads one element carries only that element's messages; English is in portal.en.ts, loaded
 * with en.ts only when a page asks for English.
 */
export const portalZhCN = {
  'portal.nav.label': '网上报名导航',
  'portal.nav.menu': '菜单',
  'portal.nav.close': '收起菜单',
  'portal.view.notice': '考生须知',
  'portal.view.plan': '考试计划',
  'portal.view.apply': '考生报名',
  'portal.view.review': '报名审核',
  'portal.view.payment': '网上缴费',
  'portal.view.ticket': '打印准考证',
  'portal.view.arrangement': '考试安排',
  'portal.view.score': '成绩查询',
  'portal.view.certificate': '证书查询',
  'portal.round.registration': '报名时间：{from} 至 {to}',
  'portal.round.exam': '考试时间：{dates}',
  'portal.round.enter': '进入报名',
  'portal.round.loading': '正在加载考试信息…',
  'portal.round.error': '考试信息加载失败：{reason}',
  'portal.current': '当前位置：{view}',
  'portal.signIn': '请先登录或注册账号，再办理{view}。',
  'portal.verify': '请先完成实名认证。',
  'portal.logout': '退出登录',
  'portal.account': '当前账号：{account}',
  'portal.review.title': '报名审核',
  'portal.review.loading': '正在查询审核状态…',
  'portal.review.none': '您还没有提交报名信息。',
  'portal.review.draft': '您的报名信息尚未提交。',
  'portal.review.submitted': '待审核：考试机构正在审核您的报名信息，请耐心等待并留意本页。',
  'portal.review.rejected': '审核未通过：请按审核意见修改报名信息后重新提交。',
  'portal.review.reason': '审核意见：{reason}',
  'portal.review.approved': '审核通过，请在缴费时间内完成网上缴费。',
  'portal.review.paid': '审核通过，已缴费。',
  'portal.review.number': '报名序号：{number}',
  'portal.review.toApply': '修改报名信息',
  'portal.review.toPay': '去缴费',
  'portal.review.refresh': '刷新审核状态',
  'portal.loadFailed': '这一页未能加载：{reason}',
};
