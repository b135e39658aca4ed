/**
 * The seeded round of the mock exam office, computed relative to "now" so the demo works on
 * any day: registration open (opened 3 days ago, closes in 10), payment open, the exam about 60
 * days ahead on two consecutive days, Yunnan's 16 city offices (报名省市) each with its exam area,
 * the full plan, the form's option lists, the notice and the office's phones.
 */
import type { ExamSession, FormOptions, Notice, Province, Window } from '../services/schemas.js';
import { seedLevels } from './seed-plan.js';
import { addDays, chinaAt, chinaDate, chinaIso, chineseDate, chineseDateTime, DAY_MS } from './time.js';

export { LEVEL_IDS, QUALIFICATIONS, seedLevels, YUNNAN_FEES_FEN } from './seed-plan.js';

/** 云南省 and its 16 exam areas (the cities and prefectures; administrative codes). */
export const YUNNAN: Province = {
  code: '53',
  name: '云南省',
  areas: [
    { code: '5301', name: '昆明市' },
    { code: '5303', name: '曲靖市' },
    { code: '5304', name: '玉溪市' },
    { code: '5305', name: '保山市' },
    { code: '5306', name: '昭通市' },
    { code: '5307', name: '丽江市' },
    { code: '5308', name: '普洱市' },
    { code: '5309', name: '临沧市' },
    { code: '5323', name: '楚雄州' },
    { code: '5325', name: '红河州' },
    { code: '5326', name: '文山州' },
    { code: '5328', name: '西双版纳州' },
    { code: '5329', name: '大理州' },
    { code: '5331', name: '德宏州' },
    { code: '5333', name: '怒江州' },
    { code: '5334', name: '迪庆州' },
  ],
};

/**
 * Yunnan registers by city: a candidate chooses the city's office as 报名省市 and its exam area
 * as 考试考区 (the seed's candidate chooses 丽江 for both). Each office of the round's `provinces`
 * is a city or prefecture with its own exam area; a province that registers centrally is one
 * entry with many areas, as {@link YUNNAN}.
 */
export const YUNNAN_OFFICES: Province[] = YUNNAN.areas.map((area) => ({ code: area.code, name: area.name, areas: [{ ...area }] }));

/** The exam area of the seed's candidate (丽江). */
export const LIJIANG_AREA_CODE = '5307';

/** The registration office (报名省市) of the seed's candidate: 丽江's. */
export const LIJIANG_OFFICE_CODE = '5307';

/** The office's help lines (domain README). */
export const CONTACT_PHONES: string[] = ['0871-64312910 转 835、836', '0871-63626248', '0871-63617131'];

/** The option lists of the registration form. */
export const FORM_OPTIONS: FormOptions = {
  titleCategories: [
    { code: 'none', name: '无' },
    { code: 'junior', name: '初级职称' },
    { code: 'intermediate', name: '中级职称' },
    { code: 'senior', name: '高级职称' },
  ],
  feeCategories: [
    { code: 'normal', name: '普通考生' },
    { code: 'disabled', name: '残疾考生（减免）' },
    { code: 'low-income', name: '城乡低保家庭考生（减免）' },
  ],
  workLocations: [
    { code: 'employed', name: '在职' },
    { code: 'student', name: '在校' },
    { code: 'other', name: '其他' },
  ],
  studyStatuses: [
    { code: 'studying', name: '在学' },
    { code: 'graduated', name: '已有学历' },
  ],
  educationLevels: [
    { code: 'high-school', name: '高中及以下' },
    { code: 'secondary-vocational', name: '中专' },
    { code: 'junior-college', name: '大专' },
    { code: 'bachelor', name: '本科' },
    { code: 'master', name: '硕士研究生' },
    { code: 'doctor', name: '博士研究生' },
  ],
  degrees: [
    { code: 'none', name: '无' },
    { code: 'bachelor', name: '学士' },
    { code: 'master', name: '硕士' },
    { code: 'doctor', name: '博士' },
  ],
};

/** Where the registration window lies relative to now. */
export type RegistrationTiming = 'open' | 'closed';

/** Options of {@link seedExamSession}. */
export interface SeedOptions {
  /** `closed`: the registration window ended 3 days ago (the `registration-closed` scenario). Default `open`. */
  registration?: RegistrationTiming;
}

/** `2027年上半年计算机技术与软件专业技术资格（水平）考试` for a round examined on `examDate` (上半年 when month ≤ 6). */
export function roundName(examDate: string): string {
  const [year, month] = examDate.split('-').map(Number);
  return `${year}年${(month ?? 1) <= 6 ? '上' : '下'}半年计算机技术与软件专业技术资格（水平）考试`;
}

/** A stable id of the round examined on `examDate`, e.g. `rk-2027-h1`. */
export function roundId(examDate: string): string {
  const [year, month] = examDate.split('-').map(Number);
  return `rk-${year}-h${(month ?? 1) <= 6 ? 1 : 2}`;
}

function window(opensOn: string, opensAt: string, closesOn: string, closesAt: string): Window {
  return { opensAt: chinaAt(opensOn, opensAt), closesAt: chinaAt(closesOn, closesAt) };
}

/** The notice (考生须知) of a round, with its dates filled in. */
export function seedNotice(session: Pick<ExamSession, 'name' | 'registrationWindow' | 'paymentWindow' | 'ticketWindow' | 'examDates'>): Notice {
  const { registrationWindow: reg, paymentWindow: pay, ticketWindow: ticket } = session;
  const examDays = session.examDates.map(chineseDate).join('至');
  return {
    title: '考生须知',
    paragraphs: [
      `一、${session.name}云南考区网上报名时间为${chineseDateTime(reg.opensAt)}至${chineseDateTime(reg.closesAt)}，网上缴费时间为${chineseDateTime(pay.opensAt)}至${chineseDateTime(pay.closesAt)}，考试时间为${examDays}。`,
      '二、本考试实行属地化报名，考生应在工作或居住所在地报名，按本人实际情况选择报名省市和考试考区。报名时须完成实名认证，并如实填写报名信息，因填写错误造成的后果由考生本人承担。',
      '三、照片要求：须上传本人近期免冠正面彩色证件照，白色背景，JPG格式，原始照片大于30KB、尺寸大于296×413像素，经照片审核处理工具处理后（295×413像素，约10KB）方可上传。严禁使用小照片放大、翻拍或抠图的照片，照片不合格的将审核不通过。',
      '四、报名信息提交后由考区进行资格审核，请及时登录本系统查看审核结果。审核不通过的，请按退回原因修改后在报名截止前重新提交。',
      '五、审核通过后请在缴费截止时间前完成网上缴费，逾期未缴费的视为自动放弃报名。缴费成功后不予退费，不得更改报考资格和考区。',
      '六、请勿重复缴费：支付完成后请勿立即关闭页面，待页面显示“缴费成功”后再离开。支付结果可能有延迟（最长约一个工作日），状态未更新时请勿再次支付，可先查询银行账户或致电考区咨询。',
      `七、准考证打印时间为${chineseDateTime(ticket.opensAt)}至${chineseDateTime(ticket.closesAt)}，考生须登录本系统自行打印。考试时须同时携带准考证和报名时使用的有效身份证件原件，二者缺一不得入场。`,
      '八、本考试采用计算机化考试（机考）方式。考生应提前熟悉机考操作，开考前30分钟入场，开考后禁止入场；考场内禁止携带手机、智能手表等通讯和存储设备。',
      `九、咨询电话：${CONTACT_PHONES.join('，')}（工作日 9:00—12:00，14:30—17:30）。`,
    ],
  };
}

/**
 * The current round relative to `now`: exam on the Beijing dates now + 60 and + 61 days,
 * registration from 3 days ago to 10 days ahead (or, `closed`, from 18 to 3 days ago), payment
 * from 3 days ago to 12 days ahead, tickets from 7 days before the exam to its last day, scores
 * about 45 days after the exam. Parses with the `ExamSession` schema.
 */
export function seedExamSession(now: Date, options: SeedOptions = {}): ExamSession {
  const nowMs = now.getTime();
  const today = chinaDate(nowMs);
  const firstExamDay = chinaDate(nowMs + 60 * DAY_MS);
  const examDates: [string, string] = [firstExamDay, addDays(firstExamDay, 1)];
  const registrationWindow =
    options.registration === 'closed'
      ? window(addDays(today, -18), '09:00', addDays(today, -3), '17:00')
      : window(addDays(today, -3), '09:00', addDays(today, 10), '17:00');
  const paymentWindow =
    options.registration === 'closed'
      ? window(addDays(today, -18), '09:00', addDays(today, 2), '23:59')
      : window(addDays(today, -3), '09:00', addDays(today, 12), '23:59');
  const ticketWindow = window(addDays(firstExamDay, -7), '09:00', examDates[1], '17:00');
  const name = roundName(firstExamDay);
  const dated = { name, registrationWindow, paymentWindow, ticketWindow, examDates };
  return {
    id: roundId(firstExamDay),
    ...dated,
    scoreReleaseAt: chinaAt(addDays(firstExamDay, 45), '10:00'),
    notice: seedNotice(dated),
    plan: { levels: seedLevels(examDates) },
    provinces: structuredClone(YUNNAN_OFFICES),
    formOptions: structuredClone(FORM_OPTIONS),
    contactPhones: [...CONTACT_PHONES],
    serverTime: chinaIso(nowMs),
  };
}
