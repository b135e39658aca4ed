/**
 * zh-CN messages of rk-payment-panel (keys `payment.*`).
 * The element registers them when it is defined (`define(tag, element, messages)`), so a page
 * that loads one element carries only that element's messages; English is in payment.en.ts, loaded
 * with en.ts only when a page asks for English.
 */
export const paymentZhCN = {
  'payment.title': '网上缴费',
  'payment.loading': '正在查询缴费信息…',
  'payment.loadError': '缴费信息加载失败：{reason}',
  'payment.noBackend': '缴费服务尚未配置，请联系网站管理员。',
  'payment.signedOut': '请先登录后再缴费。',

  // What is paid for
  'payment.summary': '缴费信息',
  'payment.exam': '考试名称',
  'payment.level': '报考级别',
  'payment.qualification': '报考资格',
  'payment.subjects': '报考科目',
  'payment.window': '缴费时间',
  'payment.windowRange': '{opensAt} 至 {closesAt}',
  'payment.amount': '考试费用',
  'payment.registrationNumber': '报名序号',

  // Before payment is possible
  'payment.notEligible.none': '您还没有提交报名信息，审核通过后才能缴费。',
  'payment.notEligible.draft': '您的报名信息尚未提交，提交并审核通过后才能缴费。',
  'payment.notEligible.submitted': '您的报名信息正在审核（待审核），审核通过后才能缴费，请耐心等待。',
  'payment.notEligible.rejected': '您的报名信息审核未通过，请修改后重新提交。',
  'payment.notEligible.reason': '审核意见：{reason}',
  'payment.windowNotOpen': '缴费尚未开始。缴费时间为 {opensAt} 至 {closesAt}。',
  'payment.windowClosed': '缴费时间已结束（{closesAt} 截止），不能再缴费。如有疑问请联系考试机构。',

  // Channel and QR code
  'payment.channel.legend': '选择支付方式',
  'payment.channel.alipay': '支付宝扫码',
  'payment.channel.wechat': '微信扫码',
  'payment.channelName.alipay': '支付宝',
  'payment.channelName.wechat': '微信支付',
  'payment.chooseHint': '请选择支付方式，页面将显示付款二维码。',
  'payment.creating': '正在生成付款二维码…',
  'payment.qr.label': '{channel}付款二维码，金额 {amount}',
  'payment.qr.scan': '请使用{channel}扫描二维码付款',
  'payment.qr.expiresIn': '二维码有效时间还剩 {time}',
  'payment.qr.refreshHint': '若二维码过期请刷新重新获取',
  'payment.qr.expired': '二维码已过期，点击刷新',
  'payment.qr.closed': '订单已关闭，点击重新获取',
  'payment.qr.loadError': '二维码无法显示，请刷新重新获取。',
  'payment.orderNumber': '订单号：{id}',

  // Status
  'payment.status.unpaid': '等待付款',
  'payment.status.paying': '支付处理中，请稍候…',
  'payment.status.paid': '缴费成功',
  'payment.status.failed': '支付失败',
  'payment.status.expired': '二维码已过期',
  'payment.status.closed': '订单已关闭',
  'payment.checkNow': '我已完成支付',
  'payment.checking': '正在查询支付结果…',
  'payment.stillUnpaid': '暂未查询到支付结果，系统会继续自动查询。',
  'payment.pollTrouble': '网络不稳定，正在重新查询支付结果…',
  'payment.retry': '重新支付',
  'payment.failedReason': '原因：{reason}',
  'payment.tip': '特别提示：支付完成后请不要立即关闭浏览器，等待页面显示“缴费成功”。',
  'payment.help':
    '如果付款后长时间没有显示“缴费成功”，请先在支付宝或微信的账单中确认是否已扣款，不要重复付款；如已扣款，请联系考试机构。',
  'payment.help.phones': '咨询电话：{phones}',
  'payment.leaveWarning': '付款尚未完成，离开页面可能导致缴费状态无法及时更新。',

  // Receipt
  'payment.receipt.title': '缴费状态',
  'payment.receipt.tradeNo': '支付单号',
  'payment.receipt.gateway': '支付网关',
  'payment.receipt.paidAt': '支付时间',
  'payment.receipt.amount': '实付金额',
  'payment.receipt.channel': '支付方式',
  'payment.receipt.result': '支付结果',
  'payment.receipt.none': '该报名已缴费。',
  'payment.announce.paid': '缴费成功，实付金额 {amount}。',
  'payment.announce.expired': '二维码已过期，请点击刷新重新获取。',
  'payment.announce.failed': '支付失败，请查看原因后重新支付。',
  'payment.announce.closed': '订单已关闭，请点击重新获取付款二维码。',
  'payment.announce.qr': '已生成{channel}付款二维码。',
};
