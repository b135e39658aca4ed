/**
 * zh-CN messages of rk-status-timeline (keys `timeline.*`).
 * The element registers them when it is defined (`define(tag, element, messages)`), so a page
 * that loads one element carries only that element's messages; English is in timeline.en.ts, loaded
 * with en.ts only when a page asks for English.
 */
export const timelineZhCN = {
  'timeline.title': '报名进度',
  'timeline.loading': '正在查询报名进度…',
  'timeline.loadError': '报名进度加载失败：{reason}',
  'timeline.step.account': '注册登录',
  'timeline.step.real-name': '实名认证',
  'timeline.step.notice': '考生须知',
  'timeline.step.form': '填报信息',
  'timeline.step.photo': '上传照片',
  'timeline.step.review': '报名审核',
  'timeline.step.payment': '网上缴费',
  'timeline.step.ticket': '准考证',
  'timeline.step.exam': '参加考试',
  'timeline.step.score': '成绩查询',
  'timeline.step.certificate': '证书领取',
  'timeline.state.done': '已完成',
  'timeline.state.current': '进行中',
  'timeline.state.pending': '审核中',
  'timeline.state.waiting': '未开始',
  'timeline.state.failed': '未通过',
  'timeline.state.not-applicable': '不适用',
  'timeline.opensAt': '{date} 开放',
  'timeline.stepNumber': '第 {n} 步，',
  'timeline.action.account': '登录或注册',
  'timeline.action.real-name': '去实名认证',
  'timeline.action.notice': '阅读考生须知',
  'timeline.action.form': '填写报名信息',
  'timeline.action.photo': '上传证件照片',
  'timeline.action.review': '修改报名信息',
  'timeline.action.payment': '去缴费',
  'timeline.action.ticket': '打印准考证',
  'timeline.action.exam': '查看考试安排',
  'timeline.action.score': '查询成绩',
  'timeline.action.certificate': '查询证书',
  'timeline.all': '全部 {n} 个步骤',
  'timeline.next': '下一步：',
};
