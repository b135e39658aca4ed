/**
 * The words of every named schema of the contract (see `contract-docs.ts`): a description,
 * examples that show every field, and a description per field (dotted path below the schema,
 * arrays stepped through).
 *
 * The examples are one story, the mock office's seed: 张三 (ID 530702199005121238, account
 * 13800138000) registers for 中级 软件设计师 in 丽江 in the round 2027年上半年 (registration
 * 2027-03-15 09:00 to 03-25 17:00, payment to 03-27 23:59, exam 2027-05-22/23, Yunnan's fee 100.00
 * 元 = 10000 fen). A test parses every example with its zod schema and validates it against the
 * generated JSON Schema.
 */
import type * as z from 'zod/mini';
import type { SchemaDoc } from './contract-docs.js';
import * as e from './error-codes.js';
import * as o from './office-contract.js';
import * as s from './schemas.js';

const entries: Array<[z.ZodMiniType, SchemaDoc]> = [];
const doc = (schema: z.ZodMiniType, words: SchemaDoc) => entries.push([schema, words]);

// ---------------------------------------------------------------------------------------------
// The story the examples tell

const ROUND_ID = 'rk-2027-h1';
const ROUND = '2027年上半年计算机技术与软件专业技术资格（水平）考试';
/** A Beijing date-time: `at('2027-03-15', '09:00')`. */
const at = (date: string, time: string) => `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;

const REGISTRATION_WINDOW = { opensAt: at('2027-03-15', '09:00'), closesAt: at('2027-03-25', '17:00') };
const PAYMENT_WINDOW = { opensAt: at('2027-03-15', '09:00'), closesAt: at('2027-03-27', '23:59') };
const TICKET_WINDOW = { opensAt: at('2027-05-15', '09:00'), closesAt: at('2027-05-23', '17:00') };
const SCORE_RELEASE = at('2027-07-06', '10:00');
const CONTACT_PHONES = ['0871-64312910 转 835、836', '0871-63626248', '0871-63617131'];

const USER = { id: 'u-000001', account: '13800138000', accountType: 'phone' };
const ID_NUMBER = '530702199005121238';
const ID_MASKED = '530702********1238';
const APPLICATION_ID = 'app-000017';
const REGISTRATION_NUMBER = '5307271000144410017';
const ORDER_ID = 'RK20270316000042';
const PHOTO_URL = 'files/photos/photo-23.jpg';
const ISSUER = '中华人民共和国人力资源和社会保障部、工业和信息化部';

const REAL_NAME_VERIFIED = {
  status: 'verified',
  name: '张三',
  documentType: 'resident-id',
  documentNumberMasked: ID_MASKED,
  gender: 'male',
  birthDate: '1990-05-12',
  validFrom: '2020-06-01',
  validTo: '2040-06-01',
  verifiedAt: at('2027-03-15', '10:05:12'),
};
const REAL_NAME_PENDING = {
  status: 'pending',
  name: '陈嘉欣',
  documentType: 'hk-macao-pass',
  documentNumberMasked: 'H12**5678',
  gender: null,
  birthDate: null,
  validFrom: '2019-08-20',
  validTo: '2029-08-19',
  verifiedAt: null,
  reason: '港澳台居民及外籍人员证件需由考区人工核验，请于1个工作日后登录查看结果。',
};
const REAL_NAME_REJECTED = {
  status: 'rejected',
  name: '王小明',
  documentType: 'passport',
  documentNumberMasked: 'EA1**4567',
  gender: null,
  birthDate: null,
  validFrom: '2021-04-10',
  validTo: null,
  verifiedAt: null,
  reason: '护照有效期填写与证件不符，请核对后重新提交。',
};

const SESSION = { user: USER, realName: REAL_NAME_VERIFIED, expiresAt: at('2027-03-15', '18:02:41') };
const SESSION_NEW = { user: { id: 'u-000002', account: 'lina@example.com', accountType: 'email' }, realName: null };

const SUBJECTS_SOFTWARE_DESIGNER = [
  { id: 'software-designer.fundamentals', name: '基础知识', startsAt: at('2027-05-23', '08:30'), endsAt: at('2027-05-23', '10:30') },
  { id: 'software-designer.applied', name: '应用技术', startsAt: at('2027-05-23', '13:30'), endsAt: at('2027-05-23', '15:00') },
];
const QUALIFICATION_SOFTWARE_DESIGNER = { id: 'software-designer', name: '软件设计师', subjects: SUBJECTS_SOFTWARE_DESIGNER };
const LEVELS = [
  {
    id: 'senior',
    name: '高级',
    feeFen: 15000,
    qualifications: [
      {
        id: 'system-architect',
        name: '系统架构设计师',
        subjects: [
          { id: 'system-architect.comprehensive', name: '综合知识', startsAt: at('2027-05-22', '08:30'), endsAt: at('2027-05-22', '10:30') },
          { id: 'system-architect.case-study', name: '案例分析', startsAt: at('2027-05-22', '10:30'), endsAt: at('2027-05-22', '12:30') },
          { id: 'system-architect.essay', name: '论文', startsAt: at('2027-05-22', '14:30'), endsAt: at('2027-05-22', '16:30') },
        ],
      },
    ],
  },
  {
    id: 'intermediate',
    name: '中级',
    feeFen: 10000,
    qualifications: [
      QUALIFICATION_SOFTWARE_DESIGNER,
      {
        id: 'network-engineer',
        name: '网络工程师',
        subjects: [
          { id: 'network-engineer.fundamentals', name: '基础知识', startsAt: at('2027-05-23', '08:30'), endsAt: at('2027-05-23', '10:30') },
          { id: 'network-engineer.applied', name: '应用技术', startsAt: at('2027-05-23', '13:30'), endsAt: at('2027-05-23', '15:00') },
        ],
      },
    ],
  },
  {
    id: 'junior',
    name: '初级',
    feeFen: 10000,
    qualifications: [
      {
        id: 'programmer',
        name: '程序员',
        subjects: [
          { id: 'programmer.fundamentals', name: '基础知识', startsAt: at('2027-05-22', '08:30'), endsAt: at('2027-05-22', '10:30') },
          { id: 'programmer.applied', name: '应用技术', startsAt: at('2027-05-22', '13:30'), endsAt: at('2027-05-22', '15:00') },
        ],
      },
    ],
  },
];
/** A province that charges per subject (not Yunnan): fees on the subjects, none on the level. */
const LEVEL_PER_SUBJECT = {
  id: 'intermediate',
  name: '中级',
  qualifications: [
    {
      id: 'network-engineer',
      name: '网络工程师',
      subjects: [
        { id: 'network-engineer.fundamentals', name: '基础知识', startsAt: at('2027-05-23', '08:30'), endsAt: at('2027-05-23', '10:30'), feeFen: 6500 },
        { id: 'network-engineer.applied', name: '应用技术', startsAt: at('2027-05-23', '13:30'), endsAt: at('2027-05-23', '15:00'), feeFen: 6500 },
      ],
    },
  ],
};

const YUNNAN = {
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

const FORM_OPTIONS = {
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

const NOTICE = {
  title: '考生须知',
  paragraphs: [
    `一、${ROUND}云南考区网上报名时间为2027年3月15日 09:00至2027年3月25日 17:00，网上缴费时间为2027年3月15日 09:00至2027年3月27日 23:59，考试时间为2027年5月22日至2027年5月23日。`,
    '二、本考试实行属地化报名，考生应在工作或居住所在地报名，按本人实际情况选择报名省市和考试考区。报名时须完成实名认证，并如实填写报名信息，因填写错误造成的后果由考生本人承担。',
    '三、照片要求：须上传本人近期免冠正面彩色证件照，白色背景，JPG格式，原始照片大于30KB、尺寸大于296×413像素，经照片审核处理工具处理后（295×413像素，约10KB）方可上传。',
  ],
};

const EXAM_SESSION = {
  id: ROUND_ID,
  name: ROUND,
  registrationWindow: REGISTRATION_WINDOW,
  paymentWindow: PAYMENT_WINDOW,
  ticketWindow: TICKET_WINDOW,
  examDates: ['2027-05-22', '2027-05-23'],
  scoreReleaseAt: SCORE_RELEASE,
  notice: NOTICE,
  plan: { levels: LEVELS },
  provinces: [YUNNAN],
  formOptions: FORM_OPTIONS,
  contactPhones: CONTACT_PHONES,
  serverTime: at('2027-03-16', '10:14:55'),
};

/** 张三's complete registration form: 中级 软件设计师 in 丽江. */
const FORM = {
  levelId: 'intermediate',
  qualificationId: 'software-designer',
  subjectIds: ['software-designer.fundamentals', 'software-designer.applied'],
  provinceCode: '53',
  areaCode: '5307',
  name: '张三',
  documentType: 'resident-id',
  documentNumber: ID_NUMBER,
  gender: 'male',
  birthDate: '1990-05-12',
  titleCategory: 'junior',
  feeCategory: 'normal',
  workLocation: 'employed',
  employer: '丽江市古城区信息技术服务中心',
  workStartDate: '2013-07',
  professionalYears: 12,
  school: '云南大学',
  major: '计算机科学与技术',
  graduationDate: '2013-07',
  majorName: '计算机科学与技术',
  studyStatus: 'graduated',
  education: 'bachelor',
  degree: 'bachelor',
  address: '云南省丽江市古城区福慧路8号',
  mobile: '13800138000',
  email: 'zhangsan@example.com',
  postalCode: '674100',
  landline: '0888-5123456',
};
/** 李娜's form with the required fields only: 初级 程序员 in 昆明. */
const FORM_MINIMAL = {
  levelId: 'junior',
  qualificationId: 'programmer',
  subjectIds: ['programmer.fundamentals', 'programmer.applied'],
  provinceCode: '53',
  areaCode: '5301',
  name: '李娜',
  documentType: 'resident-id',
  documentNumber: '530102199808170022',
  gender: 'female',
  birthDate: '1998-08-17',
  feeCategory: 'normal',
  education: 'junior-college',
  address: '云南省昆明市五华区学府路2号',
  mobile: '13987654321',
};
/** A draft as the candidate left it: the exam chosen, the personal data from the real name, the account's phone. */
const DRAFT_STARTED = {
  levelId: 'intermediate',
  qualificationId: 'software-designer',
  subjectIds: ['software-designer.fundamentals', 'software-designer.applied'],
  provinceCode: '53',
  areaCode: '5307',
  name: '张三',
  documentType: 'resident-id',
  documentNumber: ID_NUMBER,
  gender: 'male',
  birthDate: '1990-05-12',
  mobile: '13800138000',
};

const PHOTO = { id: 'photo-23', url: PHOTO_URL, width: 295, height: 413, bytes: 10240, uploadedAt: at('2027-03-15', '10:21:07') };
const REVIEW_APPROVED = { result: 'approved', reviewedAt: at('2027-03-16', '09:30:18') };
const REVIEW_REJECTED = { result: 'rejected', reason: '照片背景不是白色，请重新上传符合要求的照片。', reviewedAt: at('2027-03-16', '09:30:18') };
const CHANGE_PENDING = {
  id: 'change-31',
  reason: '通信地址门牌号填写有误，应为云南省丽江市古城区福慧路18号。',
  status: 'pending',
  createdAt: at('2027-03-18', '14:02:33'),
};
const CHANGE_ANSWERED = { ...CHANGE_PENDING, status: 'approved', response: '变更申请已通过，考区已按申请更正。' };

const APPLICATION_DRAFT = {
  id: APPLICATION_ID,
  examSessionId: ROUND_ID,
  status: 'draft',
  fields: DRAFT_STARTED,
  photo: null,
  review: null,
  changeRequest: null,
  registrationNumber: null,
  feeFen: null,
  submittedAt: null,
  updatedAt: at('2027-03-15', '10:12:40'),
};
const APPLICATION_SUBMITTED = {
  ...APPLICATION_DRAFT,
  status: 'submitted',
  fields: FORM,
  photo: PHOTO,
  registrationNumber: REGISTRATION_NUMBER,
  feeFen: 10000,
  submittedAt: at('2027-03-15', '10:26:40'),
  updatedAt: at('2027-03-15', '10:26:40'),
};
const APPLICATION_PAID = { ...APPLICATION_SUBMITTED, status: 'paid', review: REVIEW_APPROVED, updatedAt: at('2027-03-16', '10:16:42') };
const APPLICATION_REJECTED = { ...APPLICATION_SUBMITTED, status: 'rejected', review: REVIEW_REJECTED, updatedAt: at('2027-03-16', '09:30:18') };
const APPLICATION_CHANGE = { ...APPLICATION_PAID, status: 'change-requested', changeRequest: CHANGE_PENDING, updatedAt: at('2027-03-18', '14:02:33') };

const ORDER = {
  id: ORDER_ID,
  applicationId: APPLICATION_ID,
  channel: 'alipay',
  amountFen: 10000,
  qrPayload: 'https://qr.alipay.com/bax08431x7rq2kfw1hbk0089',
  createdAt: at('2027-03-16', '10:15:00'),
  expiresAt: at('2027-03-16', '10:20:00'),
  paymentWindow: PAYMENT_WINDOW,
  serverTime: at('2027-03-16', '10:15:00'),
};
const ORDER_WECHAT = {
  ...ORDER,
  id: 'RK20270316000043',
  channel: 'wechat',
  qrPayload: 'weixin://wxpay/bizpayurl?pr=Q3kT9xL',
  createdAt: at('2027-03-16', '10:17:30'),
  expiresAt: at('2027-03-16', '10:22:30'),
  serverTime: at('2027-03-16', '10:17:30'),
};
const RECEIPT = { tradeNo: '2027031610164200000000000043', gateway: '非税支付', paidAt: at('2027-03-16', '10:16:42'), amountFen: 10000, channel: 'alipay' };
const STATUS_UNPAID = { orderId: ORDER_ID, status: 'unpaid', receipt: null, serverTime: at('2027-03-16', '10:15:05') };
const STATUS_PAID = { orderId: ORDER_ID, status: 'paid', receipt: RECEIPT, serverTime: at('2027-03-16', '10:16:45') };
const STATUS_FAILED = {
  orderId: 'RK20270316000043',
  status: 'failed',
  receipt: null,
  failureReason: '支付失败：银行卡余额不足，请更换支付方式后重新支付。',
  serverTime: at('2027-03-16', '10:18:02'),
};

const SLIP_FIELDS = [
  { label: '姓名', value: '张三' },
  { label: '证件类型', value: '居民身份证' },
  { label: '证件号码', value: ID_MASKED },
  { label: '性别', value: '男' },
  { label: '出生日期', value: '1990-05-12' },
  { label: '报考级别', value: '中级' },
  { label: '报考资格', value: '软件设计师' },
  { label: '报考科目', value: '基础知识、应用技术' },
  { label: '报名省市', value: '云南省' },
  { label: '考试考区', value: '丽江市' },
  { label: '现有职称（类别）', value: '初级职称' },
  { label: '取费资格（类别）', value: '普通考生' },
  { label: '在职地点', value: '在职' },
  { label: '工作单位', value: '丽江市古城区信息技术服务中心' },
  { label: '参加工作时间', value: '2013-07' },
  { label: '本专业技术年限', value: '12' },
  { label: '所在学校', value: '云南大学' },
  { label: '所学专业', value: '计算机科学与技术' },
  { label: '毕业时间', value: '2013-07' },
  { label: '专业名称', value: '计算机科学与技术' },
  { label: '在学/已有学历', value: '已有学历' },
  { label: '学历', value: '本科' },
  { label: '学位', value: '学士' },
  { label: '通信地址', value: '云南省丽江市古城区福慧路8号' },
  { label: '邮政编码', value: '674100' },
  { label: '手机号码', value: '13800138000' },
  { label: 'Email', value: 'zhangsan@example.com' },
  { label: '固定电话', value: '0888-5123456' },
  { label: '报名费', value: '100.00 元' },
];
const SLIP = {
  title: `${ROUND}报名表`,
  registrationNumber: REGISTRATION_NUMBER,
  systemCode: 'XT5A1C9E03',
  statusText: '报名成功',
  photoUrl: PHOTO_URL,
  fields: SLIP_FIELDS,
  changeRequest: null,
  issuedAt: at('2027-03-16', '10:20:11'),
};

const SITE = { name: '丽江师范学院考点', address: '云南省丽江市古城区 丽江师范学院 计算机楼', room: '第04考场（机房302）', seat: '13' };
const SITTINGS = SUBJECTS_SOFTWARE_DESIGNER.map(({ name, startsAt, endsAt }) => ({ name, startsAt, endsAt }));
const TICKET_RULES = [
  '考生须凭准考证和报名时使用的有效身份证件原件进入考场，二者缺一不可。',
  '考生应在开考前30分钟入场，开考后禁止入场，考试期间不得提前离场。',
  '本考试为计算机化考试，入座后请核对屏幕上显示的本人信息，如有问题及时向监考人员报告。',
  '手机、智能手表等通讯和存储设备须关机后存放在考场指定位置，不得带至座位。',
];
const TICKET = {
  ticketNumber: '271530700042',
  examSessionName: ROUND,
  name: '张三',
  documentType: 'resident-id',
  documentNumberMasked: ID_MASKED,
  photoUrl: PHOTO_URL,
  level: '中级',
  qualification: '软件设计师',
  subjects: SITTINGS,
  site: SITE,
  rules: TICKET_RULES,
};
const ARRANGEMENT = {
  examSessionName: ROUND,
  items: SITTINGS.map(({ name, startsAt, endsAt }) => ({ subject: name, startsAt, endsAt, site: SITE })),
};
const SCORES_PASSED = {
  examSessionName: ROUND,
  qualification: '软件设计师',
  subjects: [
    { name: '基础知识', score: 52, maxScore: 75, passLine: 45, passed: true },
    { name: '应用技术', score: 48, maxScore: 75, passLine: 45, passed: true },
  ],
  passed: true,
  publishedAt: SCORE_RELEASE,
};
const SCORES_FAILED = {
  examSessionName: ROUND,
  qualification: '系统架构设计师',
  subjects: [
    { name: '综合知识', score: 47, maxScore: 75, passLine: 45, passed: true },
    { name: '案例分析', score: 39.5, maxScore: 75, passLine: 45, passed: false },
    { name: '论文', score: null, maxScore: 75, passLine: 45, passed: false },
  ],
  passed: false,
  publishedAt: SCORE_RELEASE,
};
const CERTIFICATE = {
  number: '202715300000088',
  qualification: '软件设计师',
  level: '中级',
  name: '张三',
  issuedAt: '2027-09-20',
  status: 'issued',
  issuer: ISSUER,
};
const CERTIFICATE_PENDING = { ...CERTIFICATE, number: '202715300000089', name: '李娜', qualification: '程序员', level: '初级', issuedAt: null, status: 'pending' };

/** The four answers of a paper that exists only inside a window. */
function availabilityDoc(what: string, content: unknown, opensAt: string, closedAt: string, reason: string, contentRole: string): SchemaDoc {
  return {
    description: `${what}, or why not now: a union on \`status\`. \`available\`: \`content\` is the paper. \`not-yet\`: not out yet, \`opensAt\` when it will be (null: not announced). \`closed\`: its window has passed, \`closedAt\` when it closed (null: unknown). \`not-applicable\`: the candidate has none (nothing paid, say), with an optional \`reason\` for the candidate. The elements show the paper, or a notice with the date or the reason; it is an answer (200), never an error.`,
    examples: [
      { status: 'available', content },
      { status: 'not-yet', opensAt },
      { status: 'not-yet', opensAt: null },
      { status: 'closed', closedAt },
      { status: 'not-applicable', reason },
      { status: 'not-applicable' },
    ],
    fields: {
      status: 'Which of the four answers this is: available, not-yet, closed or not-applicable.',
      content: contentRole,
      opensAt: 'not-yet: when it opens (the elements show the date); null when the office has not announced it.',
      closedAt: 'closed: when its window closed; null when unknown.',
      reason: 'not-applicable: why, a sentence for the candidate shown as text; without it the elements say there is none.',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Building blocks

doc(s.DateTime, {
  description:
    '时间 A date-time in ISO 8601 / RFC 3339 with an offset (`Z` or `±hh:mm`), e.g. `2027-03-15T09:00:00+08:00`; fractions of a second allowed. Backends should answer Beijing time (+08:00). The elements compare instants, and show them in Beijing time (Asia/Shanghai) whatever the browser\'s zone.',
  examples: [at('2027-03-15', '09:00'), at('2027-03-16', '10:16:42'), '2027-03-16T02:16:42.318Z'],
});

doc(s.DateOnly, {
  description: '日期 A calendar date `YYYY-MM-DD` without a time, read as a Beijing date (出生日期, 考试日期, 证件有效期, 发证日期).',
  examples: ['1990-05-12', '2027-05-22'],
});

doc(s.InputDate, {
  description:
    '日期（考生填写） A date the candidate typed, `YYYY-MM-DD` (the real-name form\'s 证件有效期). The same format as DateOnly; a wrong one is refused in the form with 请输入正确的日期，格式如 2026-03-15, and by the backend with 422 VALIDATION.',
  examples: ['2020-06-01', '2040-06-01'],
});

doc(s.YearMonth, {
  description: '年月 A year and month `YYYY-MM` (month 01–12), as the form asks for 参加工作时间 and 毕业时间.',
  examples: ['2013-07', '2020-06'],
});

doc(s.Fen, {
  description:
    '金额（分） Money in fen (分; 100 fen = 1 元), a non-negative integer: the unit of every amount in the contract. The elements show it as yuan with two decimals (10000 → 100.00 元). Yunnan charges 10000 for 初级 and 中级, 15000 for 高级.',
  examples: [10000, 15000, 6500],
});

doc(s.Id, {
  description:
    '标识 An identifier chosen by the backend: 1–128 characters. The elements treat it as opaque: they keep it and send it back (in a body or a path, URI-encoded), never parse it; an order\'s id is shown as 订单号.',
  examples: [APPLICATION_ID, 'software-designer', ORDER_ID],
});

doc(s.Text, {
  description:
    '文本 A display text from the backend, at most 2000 characters. The elements render it as text, never as HTML: markup shows literally.',
  examples: ['丽江师范学院考点', '照片背景不是白色，请重新上传符合要求的照片。'],
});

doc(s.ImageUrl, {
  description:
    '图片地址 The URL of a picture the page shows (captcha, photo): an http(s) URL, a protocol-relative `//host/…`, a path `/…`, a relative path without a scheme (`captcha/1.png`: resolved against the API base with a trailing slash), a `blob:` URL or a `data:image/…` URL of png, jpeg (or jpg), gif, webp, bmp or svg+xml; at most 1 000 000 characters. Anything else (`javascript:`, `data:text/html`, white space) is refused by the adapter as an invalid response of the whole answer.',
  examples: [
    PHOTO_URL,
    '/api/files/photos/photo-23.jpg',
    'https://exam.example.gov.cn/api/files/photos/photo-23.jpg',
    'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIxMjAiIGhlaWdodD0iNDAiPjx0ZXh0IHg9IjE2IiB5PSIyOSI+SzdQWDwvdGV4dD48L3N2Zz4=',
  ],
});

doc(s.AudioUrl, {
  description:
    '音频地址 The URL of the captcha\'s spoken alternative: the same rule as ImageUrl, with `data:audio/…` (mpeg, mp3, mp4, aac, ogg, wav, webm) instead of `data:image/…`. The login form plays it with a 听语音验证码 button.',
  examples: ['captcha/5f0c2a9b1d3e7f60.mp3', 'https://exam.example.gov.cn/api/captcha/5f0c2a9b1d3e7f60/audio'],
});

doc(s.Window, {
  description:
    '时间段 A period of the round (报名时间, 缴费时间, 准考证打印时间): open from `opensAt` to `closesAt`. The elements compare with the backend\'s clock (ExamSession.serverTime), not the candidate\'s; the backend enforces it (WINDOW_NOT_OPEN, WINDOW_CLOSED).',
  examples: [REGISTRATION_WINDOW, PAYMENT_WINDOW],
  fields: {
    opensAt: 'When the period opens.',
    closesAt: 'When it closes (after opensAt).',
  },
});

doc(s.Option, {
  description:
    '选项 An entry of one of the form\'s option lists (FormOptions): the application stores `code`, the form and the printed 报名表 show `name`.',
  examples: [
    { code: 'junior', name: '初级职称' },
    { code: 'bachelor', name: '本科' },
  ],
  fields: {
    code: 'What the application stores (e.g. ApplicationInput.titleCategory); unique within its list.',
    name: 'What the candidate reads.',
  },
});

doc(s.ErrorBody, {
  description:
    '错误 The shape of every error answer: `{ code, message, details }`. Which codes an operation answers, with which status and which `details`, is listed per operation; each code has its own schema (`Error_<CODE>`). An error answer without this shape (a proxy\'s HTML page) is an HTTP error to the adapter.',
  examples: [
    { code: 'CAPTCHA_WRONG', message: '图形验证码错误或已过期，请重新输入。' },
    { code: 'PASSWORD_WRONG', message: '密码错误，还可尝试4次。', details: { remainingAttempts: 4 } },
  ],
  fields: {
    code: 'The business code (ErrorCodeSchema): what the elements act on.',
    message: 'A sentence for the candidate in Chinese, rendered as text. The elements show their own sentence for the codes they know and this one for the others.',
    details: 'Facts the elements use, with a schema per code (e.g. VALIDATION: `fields`; TOO_MANY_ATTEMPTS: `retryAfterSeconds`).',
  },
});

// ---------------------------------------------------------------------------------------------
// Account and session

doc(s.AccountType, {
  description: '账号类型 How the candidate signs in: `phone`, a mainland mobile number (手机号码, codes by SMS); `email`, an e-mail address (codes by e-mail).',
  examples: ['phone', 'email'],
});

doc(s.Captcha, {
  description:
    '图形验证码 A captcha: a picture of a short code, valid a few minutes, answered once (right or wrong it is used up). The login form shows it beside the answer field, twice as large on request (适老化); a click on the picture loads a new one, and so does every failed login and every code request (the captcha is used up).',
  examples: [
    {
      id: 'captcha-5f0c2a9b1d3e7f60',
      image: 'captcha/5f0c2a9b1d3e7f60.png',
      audio: 'captcha/5f0c2a9b1d3e7f60.mp3',
      expiresAt: at('2027-03-15', '10:07:00'),
    },
    {
      id: 'captcha-9c2e51d07a4b3f18',
      image:
        'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIxMjAiIGhlaWdodD0iNDAiPjx0ZXh0IHg9IjE2IiB5PSIyOSI+SzdQWDwvdGV4dD48L3N2Zz4=',
    },
  ],
  fields: {
    id: 'The captcha\'s id, sent back with the answer (captchaId).',
    image: 'The picture (ImageUrl), about 120×40 (3:1): the login form shows it 8.5 em wide, 17 em when enlarged.',
    audio: 'A spoken alternative (适老化), where the backend has one: the login form then offers a button that plays it.',
    expiresAt: 'When the captcha runs out (the mock: 5 minutes). The login form shows a new captcha then (as far as the page\'s clock can tell) and empties the answer; an answer to an expired captcha gets CAPTCHA_WRONG.',
  },
});

doc(s.Password, {
  description:
    '密码 A new password: 8–32 characters with at least one letter and one digit (registration, password reset). The form says the rule before the candidate types. A backend should keep only a hash.',
  examples: ['Ruankao2026', 'lijiang8ZS'],
});

doc(s.Mobile, {
  description:
    '手机号码 A mainland mobile number: `1[3-9]` and 9 more digits, optionally after `+86` or `86` and a space or hyphen; full-width digits are taken as ASCII and surrounding white space is trimmed (at most 20 characters). The JSON Schema has only the length: the digits rule is a check of the zod schema (message 请输入正确的11位手机号码).',
  examples: ['13800138000', '+86 13987654321'],
});

doc(s.Email, {
  description:
    '电子邮箱 An e-mail address valid by the WHATWG HTML rule (that of `<input type=email>`), at most 254 characters, surrounding white space trimmed. The JSON Schema has only the length: the address rule is a check of the zod schema.',
  examples: ['zhangsan@example.com', 'li.na@example.edu.cn'],
});

doc(s.Account, {
  description:
    '账号 A phone number (as Mobile) or an e-mail address (as Email), at most 254 characters, trimmed. The mock office matches accounts in lower case.',
  examples: ['13800138000', 'lina@example.com'],
});

doc(s.CaptchaAnswer, {
  description: '图形验证码答案 The captcha answer part of a login or code request: the id of the captcha shown and what the candidate read.',
  examples: [{ captchaId: 'captcha-5f0c2a9b1d3e7f60', captchaAnswer: 'K7PX' }],
  fields: {
    captchaId: 'Captcha.id of the picture shown.',
    captchaAnswer: 'What the candidate typed, 1–12 characters (trimmed; the mock compares case-insensitively).',
  },
});

doc(s.LoginInput, {
  description: '登录 Log in with an account, its password and a captcha answer.',
  examples: [{ account: '13800138000', password: 'Ruankao2026', captchaId: 'captcha-5f0c2a9b1d3e7f60', captchaAnswer: 'K7PX' }],
  fields: {
    account: 'The phone number or e-mail address registered (Account).',
    password: 'The password as typed, 1–32 characters (not checked against the rule for new passwords: an old password may not follow it).',
    captchaId: 'Captcha.id of the picture shown.',
    captchaAnswer: 'What the candidate read in the picture, 1–12 characters.',
  },
});

doc(s.VerificationCode, {
  description: '短信/邮件验证码 The code sent by SMS or e-mail: 4–8 digits (the mock sends 6), surrounding white space trimmed.',
  examples: ['480913', '2718'],
});

doc(s.SendCodeInput, {
  description:
    '发送验证码 Ask for a code by SMS or e-mail, to register or to reset the password. Each request uses up a captcha; another code may be asked for after CodeSent.resendAfterSeconds.',
  examples: [
    { channel: 'sms', target: '13800138000', purpose: 'register', captchaId: 'captcha-5f0c2a9b1d3e7f60', captchaAnswer: 'K7PX' },
    { channel: 'email', target: 'lina@example.com', purpose: 'reset-password', captchaId: 'captcha-9c2e51d07a4b3f18', captchaAnswer: 'M3QW' },
  ],
  fields: {
    channel: '`sms` to a mobile number, `email` to an e-mail address; it must fit `target` (422 VALIDATION at `target` otherwise).',
    target: 'The mobile number or e-mail address the code goes to (and the account it is for).',
    purpose: '`register`: the account must not exist (409 ACCOUNT_EXISTS); `reset-password`: it must (422 ACCOUNT_UNKNOWN).',
    captchaId: 'Captcha.id of the picture shown.',
    captchaAnswer: 'What the candidate read in the picture, 1–12 characters.',
  },
});

doc(s.CodeSent, {
  description: '验证码已发送 The code is on its way.',
  examples: [{ resendAfterSeconds: 60, expiresInSeconds: 600 }, { resendAfterSeconds: 0 }],
  fields: {
    resendAfterSeconds: 'Seconds before another code may be asked for: the send button counts down from it (0: the element\'s own default, 60 s). Asking sooner answers 429 TOO_MANY_ATTEMPTS.',
    expiresInSeconds: 'How long the code stays valid, where the backend tells (the mock: 600). Informational: the elements do not show it.',
  },
});

doc(s.RegisterInput, {
  description: '注册 Create an account with the code sent to it, and sign in (the answer is a LoginResult).',
  examples: [
    { accountType: 'phone', account: '13800138000', password: 'Ruankao2026', code: '480913' },
    { accountType: 'email', account: 'lina@example.com', password: 'lina2027Km', code: '735102' },
  ],
  fields: {
    accountType: 'Whether `account` is a phone number or an e-mail address; it must fit (422 VALIDATION at `account` otherwise).',
    account: 'The new account: the phone number or e-mail address the code was sent to.',
    password: 'The new password (Password: 8–32 characters, letters and digits).',
    code: 'The code sent to the account (SendCodeInput with purpose `register`).',
  },
});

doc(s.ResetPasswordInput, {
  description: '找回密码 Set a new password with a code sent to the account. Every session of the account ends; the candidate logs in again.',
  examples: [{ account: '13800138000', code: '480913', newPassword: 'Lijiang2027ok' }],
  fields: {
    account: 'The account whose password is reset.',
    code: 'The code sent to it (SendCodeInput with purpose `reset-password`).',
    newPassword: 'The new password (Password: 8–32 characters, letters and digits).',
  },
});

// ---------------------------------------------------------------------------------------------
// Real-name verification

doc(s.DocumentType, {
  description:
    '证件类型 The identity document: `resident-id` 居民身份证 (18 characters, GB 11643 check character); `social-security-card` 社会保障卡 (its number is the ID number); `hmt-residence-permit` 港澳台居民居住证 (18 characters, GB 11643, region 810000/820000/830000); `hk-macao-pass` 港澳居民来往内地通行证 (H or M and 8 or 10 digits); `taiwan-pass` 台湾居民来往大陆通行证 (8 digits, older cards 10 characters); `foreign-permanent-residence` 外国人永久居留身份证 (2023: 18 digits starting with 9, GB 11643 check; 2017: 3 letters and 12 digits); `passport` 护照 (G and 8 digits, E and 8 characters, or a foreign one of 5–17 letters and digits). The first three carry the birth date and gender in the number.',
  examples: ['resident-id', 'hk-macao-pass', 'passport'],
});

doc(s.Gender, {
  description: '性别 `male` 男 or `female` 女. On GB 11643 numbers the 17th digit tells it (odd: male).',
  examples: ['male', 'female'],
});

doc(s.PersonName, {
  description:
    '姓名 The name as on the document: Chinese characters, with `·` (or `•`) between the parts of a minority or foreign name, or a Latin name (letters, space, `.`, `,`, `\'`, `-`, starting with a letter); 1–50 characters, trimmed.',
  examples: ['张三', '阿依古丽·买买提', 'WANG XIAOMING'],
});

doc(s.RealNameInput, {
  description:
    '实名认证 What the candidate gives for real-name verification. The document number is checked for its type (GB 11643 for ID cards); the validity period must end after it starts. GB 11643 documents are verified at once; the others are checked by the office by hand (RealNameResult `pending`).',
  examples: [
    { name: '张三', documentType: 'resident-id', documentNumber: ID_NUMBER, validFrom: '2020-06-01', validTo: '2040-06-01' },
    { name: '李建国', documentType: 'resident-id', documentNumber: '532501197503024516', validFrom: '2022-04-11', validTo: null },
    { name: '陈嘉欣', documentType: 'hk-macao-pass', documentNumber: 'H12345678', validFrom: '2019-08-20', validTo: '2029-08-19' },
  ],
  fields: {
    name: '姓名 as on the document (PersonName).',
    documentType: '证件类型 (DocumentType).',
    documentNumber: '证件号码, 1–32 characters as typed: the backend normalises it (white space and hyphens removed, full-width characters to ASCII, letters upper case) and checks it for its type.',
    validFrom: '有效期开始日期 (YYYY-MM-DD). A backend may refuse a date after today, or a card already expired at validTo (422 VALIDATION at that field; the mock office does for ID cards).',
    validTo: '有效期截止日期 (YYYY-MM-DD), after validFrom; null for 长期 (long-term: ID cards issued at 46 or older).',
  },
});

doc(s.RealNameResult, {
  description:
    '实名认证结果 The outcome of real-name verification, kept with the account and sent in every Session. `verified`: the candidate may apply; `pending`: the office checks the document by hand, the element says when to come back (`reason`); `rejected`: the element shows 实名认证未通过 with `reason`, and the form to try again.',
  examples: [REAL_NAME_VERIFIED, REAL_NAME_PENDING, REAL_NAME_REJECTED],
  fields: {
    status: '`verified`, `pending` (manual check by the office) or `rejected`.',
    name: '姓名 as verified; the registration form takes it as read-only.',
    documentType: '证件类型 as verified.',
    documentNumberMasked: 'The number masked for display, one `*` per hidden character: 15 characters or more keep the first 6 and last 4 (530702********1238), 8–14 the first 3 and last 4.',
    gender: 'From the number where it carries it (ID cards, residence permits); null otherwise, and the registration form then asks for it.',
    birthDate: 'From the number where it carries it; null otherwise, and the registration form then asks for it.',
    validFrom: '有效期开始日期 as given.',
    validTo: '有效期截止日期 as given; null for 长期.',
    verifiedAt: 'When it was verified; null while pending or when rejected.',
    reason: 'Why it is pending (and when to come back) or why it was rejected: shown to the candidate as text.',
  },
});

doc(s.Session, {
  description: '会话 The signed-in candidate: the account and the latest real-name result. The elements show the step the candidate is at from it.',
  examples: [SESSION, SESSION_NEW],
  fields: {
    user: 'The account.',
    'user.id': 'The account\'s id (Id): local drafts are kept per account id and round.',
    'user.account': 'The phone number or e-mail address signed in with; shown masked (138****8000).',
    'user.accountType': '`phone` or `email`: the registration form fills 手机号码 from a phone account.',
    realName: 'null until the candidate has asked for real-name verification; then its latest result.',
    expiresAt: 'When the session ends unless renewed (the mock: 8 hours after sign-in). Informational: the elements learn that a session ended from 401 UNAUTHENTICATED.',
  },
});

doc(s.CsrfToken, {
  description:
    'CSRF 令牌 The CSRF token of a cookie session (1–512 characters): the adapter sends it in `X-CSRF-Token` on every POST and PUT; a backend compares it with the one it gave the session (403 CSRF_FAILED otherwise). Not used in bearer mode.',
  examples: ['9b1e4c7d2a5f8e3b6c0d1a4f7e2b5c8d'],
});

doc(s.LoginResult, {
  description:
    '登录结果 The answer of login and registration: the session, and the credential of the backend\'s auth mode (a bearer `token`, or in cookie mode the `rk_session` cookie in Set-Cookie and `csrfToken` here). The adapter keeps the credential; the element hands the page only the session.',
  examples: [
    { session: SESSION, token: 'mock-3f9c2a7b1e5d4c8f0a6b2e9d7c1f4a3b' },
    { session: { ...SESSION, realName: null }, csrfToken: '9b1e4c7d2a5f8e3b6c0d1a4f7e2b5c8d' },
  ],
  fields: {
    session: 'The signed-in candidate.',
    token: 'Bearer mode: the token for `Authorization: Bearer …` (1–4096 characters). Kept in memory only, so a reload signs the candidate out.',
    csrfToken: 'Cookie mode: the session\'s CSRF token, sent back in `X-CSRF-Token` on POST and PUT.',
  },
});

doc(s.SessionState, {
  description: '当前会话 Who is signed in: a session or null. rk-provider asks on connection (and on every backend change); a reloaded page in cookie mode stays signed in through it.',
  examples: [{ session: SESSION, csrfToken: '9b1e4c7d2a5f8e3b6c0d1a4f7e2b5c8d' }, { session: SESSION }, { session: null }],
  fields: {
    session: 'The signed-in candidate; null when no valid session came with the request (a signed-out visitor is not an error).',
    csrfToken: 'Cookie mode, with a session: its CSRF token, so a reloaded page can send it again. Absent in bearer mode and without a session.',
  },
});

// ---------------------------------------------------------------------------------------------
// Exam session: round, windows, notice, plan, regions

doc(s.Subject, {
  description: '科目 A subject of a qualification (基础知识, 应用技术; 高级: 综合知识, 案例分析, 论文) with its sitting. All subjects of the chosen qualification are taken.',
  examples: [SUBJECTS_SOFTWARE_DESIGNER[0], LEVEL_PER_SUBJECT.qualifications[0]!.subjects[0]],
  fields: {
    id: 'The subject\'s id, stored in ApplicationInput.subjectIds.',
    name: '科目名称.',
    startsAt: 'When the sitting starts; shown in Beijing time with the date and weekday.',
    endsAt: 'When the sitting ends.',
    feeFen: 'The subject\'s fee in fen, where the province charges per subject. When every subject of a qualification has one, the fee is their sum.',
  },
});

doc(s.Qualification, {
  description: '资格 A qualification examined in the round (资格名称, e.g. 软件设计师) with its subjects.',
  examples: [QUALIFICATION_SOFTWARE_DESIGNER, { id: 'network-engineer', name: '网络工程师', feeFen: 13000, subjects: SUBJECTS_SOFTWARE_DESIGNER.map((subject) => ({ ...subject, id: subject.id.replace('software-designer', 'network-engineer') })) }],
  fields: {
    id: 'The qualification\'s id, stored in ApplicationInput.qualificationId.',
    name: '资格名称.',
    feeFen: 'The fee in fen, where the province charges per qualification (used when the subjects have none).',
    subjects: 'Its subjects, at least one, in the order of the exam.',
  },
});

doc(s.Level, {
  description: '级别 A level of the exam (初级, 中级, 高级) with its qualifications examined in the round.',
  examples: [LEVELS[1], LEVEL_PER_SUBJECT],
  fields: {
    id: 'The level\'s id, stored in ApplicationInput.levelId.',
    name: '级别名称: 初级, 中级 or 高级.',
    feeFen: 'The fee in fen, where the province charges per level (Yunnan: 初级 and 中级 10000, 高级 15000); used when the qualification and its subjects have none.',
    qualifications: 'The qualifications of this level examined in the round.',
  },
});

doc(s.ExamArea, {
  description: '考试考区 An exam area of a province (Yunnan: its 16 cities and prefectures, by administrative code).',
  examples: [{ code: '5307', name: '丽江市' }],
  fields: {
    code: 'The area\'s code, stored in ApplicationInput.areaCode.',
    name: '考区名称.',
  },
});

doc(s.Province, {
  description: '报名省市 A province where candidates of this backend register, with its exam areas (registration is local: where the candidate works or lives).',
  examples: [YUNNAN],
  fields: {
    code: 'The province\'s code, stored in ApplicationInput.provinceCode.',
    name: '省市名称.',
    areas: 'Its exam areas, at least one.',
  },
});

doc(s.Notice, {
  description: '考生须知 The notice the candidate reads (and accepts with 我已阅读并同意) before filling in the form. The element remembers the acceptance for the browser tab, per round and notice title.',
  examples: [NOTICE],
  fields: {
    title: 'The heading, e.g. 考生须知.',
    paragraphs: 'Plain-text paragraphs (each at most 20 000 characters), rendered as text, never as HTML.',
  },
});

doc(s.FormOptions, {
  description: '表单选项 The option lists of the registration form, defined by the backend (the form shows them as selects, the application stores the codes).',
  examples: [FORM_OPTIONS],
  fields: {
    titleCategories: '现有职称（类别） (ApplicationInput.titleCategory).',
    feeCategories: '取费资格（类别）: the fee category, e.g. 普通考生 and the groups with a reduced fee (ApplicationInput.feeCategory).',
    workLocations: '在职地点 (ApplicationInput.workLocation).',
    studyStatuses: '在学/已有学历 (ApplicationInput.studyStatus).',
    educationLevels: '学历 (ApplicationInput.education).',
    degrees: '学位 (ApplicationInput.degree).',
  },
});

doc(s.ExamSession, {
  description:
    '考试轮次 The current round as this backend runs it: name, windows, exam days, notice, plan, regions, the form\'s options, help lines and the backend\'s clock. The elements ask for it once and share the answer. The example\'s plan and notice are shortened.',
  examples: [EXAM_SESSION],
  fields: {
    id: 'The round\'s id (Application.examSessionId; local drafts are kept per account and round).',
    name: '轮次名称, e.g. 2027年上半年计算机技术与软件专业技术资格（水平）考试.',
    registrationWindow: '网上报名时间: drafts, the photo and submissions are taken only inside it.',
    paymentWindow: '网上缴费时间: orders are created only inside it.',
    ticketWindow: '准考证打印时间 (about a week before the exam to its last day).',
    examDates: '考试日期, the exam days in order (Beijing dates), at least one.',
    scoreReleaseAt: 'When scores are expected, where announced (shown as a waiting date).',
    notice: '考生须知.',
    plan: '考试计划: the levels, qualifications and subjects examined in this round, with their fees.',
    'plan.levels': 'The levels, at least one, in the order to show them.',
    provinces: 'The provinces a candidate can register in (at least one) with their exam areas.',
    formOptions: 'The option lists of the registration form.',
    contactPhones: 'The office\'s help lines, shown in help texts (payment trouble, a closed window).',
    serverTime: 'The backend\'s clock at the answer: the elements take their clock offset from it, so windows and countdowns do not trust the candidate\'s clock.',
  },
});

// ---------------------------------------------------------------------------------------------
// Application (the registration form)

/** The fields of the registration form, as ApplicationInput has them (ApplicationDraft: the same names). */
const FORM_FIELDS: Record<string, string> = {
  levelId: '报考级别: Level.id of the plan. Required.',
  qualificationId: '报考资格: Qualification.id of that level. Required.',
  subjectIds: '报考科目: Subject.ids of that qualification, at least one; the mock office requires all of them (VALIDATION 须报考所选资格的全部科目).',
  provinceCode: '报名省市: Province.code. Required.',
  areaCode: '考试考区: ExamArea.code of that province. Required.',
  name: '姓名: must repeat the verified real name (read-only in the form). Required.',
  documentType: '证件类型: must repeat the verified real name. Required.',
  documentNumber: '证件号码, the full number (the draft gets it from the backend): must repeat the verified real name. Required.',
  gender: '性别: from the real name where the document carries it (then read-only and must match), else chosen by the candidate. Required.',
  birthDate: '出生日期 (YYYY-MM-DD): from the real name where the document carries it, else typed. Required.',
  titleCategory: '现有职称（类别）: an Option.code of FormOptions.titleCategories. Optional.',
  feeCategory: '取费资格（类别）: an Option.code of FormOptions.feeCategories. Required.',
  workLocation: '在职地点: an Option.code of FormOptions.workLocations. Optional.',
  employer: '工作单位, at most 100 characters. Optional.',
  workStartDate: '参加工作时间 (YYYY-MM). Optional.',
  professionalYears: '本专业技术年限: whole years, 0–60. Optional.',
  school: '所在学校, at most 100 characters. Optional.',
  major: '所学专业, at most 100 characters. Optional.',
  graduationDate: '毕业时间 (YYYY-MM). Optional.',
  majorName: '专业名称, as on the diploma, at most 100 characters. Optional.',
  studyStatus: '在学/已有学历: an Option.code of FormOptions.studyStatuses. Optional.',
  education: '学历: an Option.code of FormOptions.educationLevels. Required (no level of education gates registration).',
  degree: '学位: an Option.code of FormOptions.degrees. Optional.',
  address: '通信地址, 1–200 characters. Required.',
  mobile: '手机号码 (Mobile); prefilled from a phone account. Required.',
  email: 'Email (Email). Optional.',
  postalCode: '邮政编码: 6 digits. Optional.',
  landline: '固定电话: 0, a 2–3 digit area code, a 7–8 digit number and an optional extension (0871-64312910 转 835). Optional.',
};

doc(s.ApplicationInput, {
  description:
    '报名信息 What the candidate submits (POST /application/submit): every required field present and valid, text trimmed. The backend also checks it against the round (the plan, regions and option lists exist) and the verified real name, and needs an uploaded photo; each problem answers 422 VALIDATION with a message at its field. The JSON Schema cannot say the cross-field rules (the document number for its type, the mobile and e-mail rules): the zod schema checks them.',
  examples: [FORM, FORM_MINIMAL],
  fields: FORM_FIELDS,
});

doc(s.ApplicationDraft, {
  description:
    '草稿 Any subset of the form\'s fields, valid or not yet: the form saves what the candidate typed about a second after typing stops (PUT /application/draft), and keeps a copy in the browser. Each value is a string (at most 2000 characters), a number, a list of strings (at most 128 characters each) or null; the backend merges the fields sent into the saved ones, and null clears a field. Nothing is checked but the shape: the submission is.',
  examples: [FORM, DRAFT_STARTED, { employer: null, professionalYears: 12, postalCode: '6741' }],
  fields: Object.fromEntries(
    Object.entries(FORM_FIELDS).map(([field, words]) => [
      field,
      `${words.split(/[:(,]/)[0]!.trim()}: as ApplicationInput.${field}, but as typed so far and not checked yet; null clears it.`,
    ]),
  ),
});

doc(s.ApplicationStatus, {
  description:
    '报名状态 Where an application stands. `draft` 草稿: being filled in, saved as typed. `submitted` 待审核: waits for the office\'s review. `rejected` 审核未通过: the reviewer\'s reason is in `review`; the candidate edits and submits again (→ `submitted`) while registration is open. `approved` 审核通过，待缴费: may pay inside the payment window (an unpaid one may still be rejected). `paid` 报名成功: the 报名表 can be printed and a change requested. `change-requested` 变更申请审核中: answered → `paid` (or `ticket-available` if tickets came out meanwhile). `ticket-available` 可打印准考证: tickets published. `scored` 已出成绩: scores published. `certified` 已发证: certificate issued (passed only). Drafts and the photo change only in `draft` and `rejected`, inside the registration window; from `paid` on, no payment order may be created.',
  examples: ['draft', 'submitted', 'paid'],
});

doc(s.Photo, {
  description:
    '证件照 The uploaded photo: the checked 295×413 JPEG (about 10 KB), as the backend keeps it. Served to its owner (and the office) only; printed on the 报名表 and the 准考证.',
  examples: [PHOTO, { ...PHOTO, id: 'photo-24', url: '/api/files/photos/photo-24.jpg', bytes: 9876 }],
  fields: {
    id: 'The photo\'s id.',
    url: 'Where the page loads it (ImageUrl; a relative path is resolved against the API base).',
    width: 'Width in pixels (295).',
    height: 'Height in pixels (413).',
    bytes: 'Size of the JPEG in bytes (at most 204 800).',
    uploadedAt: 'When it was uploaded.',
  },
});

doc(s.Review, {
  description: '资格审核 The office\'s review of a submitted application.',
  examples: [REVIEW_APPROVED, REVIEW_REJECTED],
  fields: {
    result: '`approved` (the candidate may pay) or `rejected` (the candidate corrects and submits again).',
    reason: 'The reviewer\'s reason, shown to the candidate (as text) on rejection.',
    reviewedAt: 'When the office reviewed it.',
  },
});

doc(s.ChangeRequest, {
  description: '变更申请 A request to change a paid application (no change of qualification or exam area after payment): the office answers it.',
  examples: [CHANGE_PENDING, CHANGE_ANSWERED],
  fields: {
    id: 'The request\'s id.',
    reason: 'What the candidate asked for, as typed (shown as text).',
    status: '`pending` (the application is `change-requested`), `approved` or `rejected`.',
    createdAt: 'When the candidate sent it.',
    response: 'The office\'s answer, shown to the candidate; absent while pending.',
  },
});

doc(s.ChangeRequestInput, {
  description: '申请变更 Ask for a change of a paid application (the 报名表 page has the form; one pending request at a time).',
  examples: [{ reason: '通信地址门牌号填写有误，应为云南省丽江市古城区福慧路18号。' }],
  fields: {
    reason: 'What should change and why: 5–500 characters, trimmed (请具体说明变更原因（至少5个字）).',
  },
});

doc(s.Application, {
  description:
    '报名 The candidate\'s application for the round, one per account: its status, saved answers, photo, review, change request and fee. The elements show the step of the flow from it.',
  examples: [APPLICATION_DRAFT, APPLICATION_PAID, APPLICATION_REJECTED, APPLICATION_CHANGE],
  fields: {
    id: 'The application\'s id.',
    examSessionId: 'ExamSession.id of its round.',
    status: 'Where it stands (ApplicationStatus).',
    fields: 'The saved answers (the backend prefills the personal data from the verified real name and the account\'s phone or e-mail); a draft may be incomplete, so each field is checked at submission.',
    photo: 'The uploaded photo; null until one is uploaded.',
    review: 'The office\'s review; null until reviewed (and again after a resubmission).',
    changeRequest: 'The latest change request; null when none was made.',
    registrationNumber: '报名序号: 10–24 digits, given at the first submission and kept (the mock: 19 digits, e.g. 5307271000144410017); null before. Printed as digits and a Code 128 barcode on the 报名表.',
    feeFen: 'The fee to pay in fen, set from the plan at submission; null before.',
    submittedAt: 'When it was last submitted; null before.',
    updatedAt: 'When it last changed.',
  },
});

doc(s.ApplicationState, {
  description: '报名信息 The candidate\'s application of the current round, or null when they have none yet.',
  examples: [{ application: APPLICATION_PAID }, { application: null }],
  fields: {
    application: 'The application; null before the first draft, photo or submission.',
  },
});

// ---------------------------------------------------------------------------------------------
// Payment

doc(s.PaymentChannel, {
  description: '支付方式 `alipay` 支付宝扫码 or `wechat` 微信扫码: the candidate scans a QR code with the app.',
  examples: ['alipay', 'wechat'],
});

doc(s.CreateOrderInput, {
  description: '创建订单 Pay the approved application\'s fee by a channel. With an open order of that channel the backend returns it instead of a new one.',
  examples: [{ channel: 'alipay' }, { channel: 'wechat' }],
  fields: {
    channel: 'The channel to pay with.',
  },
});

doc(s.PaymentOrder, {
  description:
    '支付订单 A payment order: the amount and the QR code to scan until it expires. The payment panel draws the code, counts down to `expiresAt` and asks for the status every few seconds.',
  examples: [ORDER, ORDER_WECHAT],
  fields: {
    id: 'The order\'s id, shown as 订单号 and used in GET /payment/orders/{orderId}.',
    applicationId: 'Application.id it pays for.',
    channel: 'The channel it was created for.',
    amountFen: 'The amount in fen (more than 0): the application\'s fee.',
    qrPayload: 'The raw text the QR code holds (1–2048 characters), drawn in the page (never a hosted image): e.g. https://qr.alipay.com/… or weixin://wxpay/bizpayurl?pr=….',
    createdAt: 'When the order was created.',
    expiresAt: 'When the QR code runs out (the mock: 5 minutes, never past the payment window); then the status becomes `expired` and a new order is needed.',
    paymentWindow: 'The round\'s payment window, shown with the order.',
    serverTime: 'The backend\'s clock at the answer. (The panel\'s countdown follows the clock offset taken from ExamSession.serverTime.)',
  },
});

doc(s.PaymentStatusValue, {
  description:
    '支付状态 Where an order stands. `unpaid` 等待付款: the code is shown. `paying` 支付处理中: the candidate scanned, the gateway has not answered. `paid` 缴费成功: with a receipt; the application becomes `paid`. `failed` 支付失败: with `failureReason`; the candidate may pay again (a new order). `expired` 二维码已过期: unpaid past `expiresAt`; a new order gives a new code. `closed` 订单已关闭: another order was paid, or the payment window closed. The panel keeps asking while `unpaid` or `paying`.',
  examples: ['unpaid', 'paying', 'paid', 'failed', 'expired', 'closed'],
});

doc(s.Receipt, {
  description: '缴费凭据 The receipt of a paid order, shown as 缴费结果.',
  examples: [RECEIPT],
  fields: {
    tradeNo: '支付单号 (the mock: 28 digits, the payment time and a serial).',
    gateway: '支付网关, e.g. 非税支付.',
    paidAt: '支付时间.',
    amountFen: '实付金额 in fen.',
    channel: '支付方式.',
  },
});

doc(s.PaymentStatus, {
  description: '支付结果 The status of one order (asked every few seconds while the code is shown). The status can lag behind the app: the panel says not to pay twice.',
  examples: [STATUS_UNPAID, STATUS_PAID, STATUS_FAILED],
  fields: {
    orderId: 'PaymentOrder.id.',
    status: 'Where the order stands (PaymentStatusValue).',
    receipt: 'The receipt once `paid`; null otherwise.',
    failureReason: 'Why it failed, shown to the candidate (as text) when `failed`.',
    serverTime: 'The backend\'s clock at the answer.',
  },
});

doc(s.CurrentPayment, {
  description:
    '当前订单 The candidate\'s payment as it stands: the paid order, else the latest open one, else the last one, with its status; both null before any order. The payment panel starts from it after a reload.',
  examples: [{ order: ORDER, status: STATUS_UNPAID }, { order: ORDER, status: STATUS_PAID }, { order: null, status: null }],
  fields: {
    order: 'The order; null when none was created.',
    status: 'Its status; null when there is no order.',
  },
});

// ---------------------------------------------------------------------------------------------
// Papers and queries

doc(s.PrintedField, {
  description: '打印项 A labelled value of a printed document, in the order the backend wants it printed (the 报名表 prints two per row).',
  examples: [
    { label: '报考资格', value: '软件设计师' },
    { label: '报名费', value: '100.00 元' },
  ],
  fields: {
    label: 'The label, e.g. 报考资格.',
    value: 'The value as printed (codes already turned into names, numbers masked where the office wants).',
  },
});

doc(s.RegistrationSlip, {
  description: '报名表 The registration slip of a paid application, printed by the candidate (before payment: 409 INVALID_STATE, which the elements show as "not yet").',
  examples: [SLIP, { ...SLIP, statusText: '报名成功（变更申请审核中）', photoUrl: null, changeRequest: CHANGE_PENDING, issuedAt: at('2027-03-18', '14:05:00') }],
  fields: {
    title: 'The heading, e.g. 2027年上半年计算机技术与软件专业技术资格（水平）考试报名表.',
    registrationNumber: '报名序号 (10–24 digits), printed as digits and as a Code 128 barcode.',
    systemCode: '系统识别码 (the mock: XT and 8 hex digits).',
    statusText: '报名状态 as printed, e.g. 报名成功.',
    photoUrl: 'The photo (ImageUrl); null prints an empty photo box.',
    fields: 'Every printed field, in order.',
    changeRequest: 'The latest change request: the page shows its state, the candidate\'s reason and the office\'s response, and offers 申请变更 only while none is pending; null when none was made.',
    issuedAt: 'When the backend produced the slip. (The printed slip shows when it was printed.)',
  },
});

doc(s.ScheduledSubject, {
  description: '考试科目安排 A subject of the admission ticket with its sitting.',
  examples: [SITTINGS[0]],
  fields: {
    name: '科目名称.',
    startsAt: 'When the sitting starts (printed in Beijing time).',
    endsAt: 'When it ends.',
  },
});

doc(s.ExamSite, {
  description: '考点 Where the candidate sits the exam.',
  examples: [SITE],
  fields: {
    name: '考点名称.',
    address: '考点地址.',
    room: '考场 (e.g. 第04考场（机房302）).',
    seat: '座位号.',
  },
});

doc(s.AdmissionTicket, {
  description: '准考证 The admission ticket, printed by the candidate inside the ticket window and brought to the exam with the document.',
  examples: [TICKET, { ...TICKET, photoUrl: null }],
  fields: {
    ticketNumber: '准考证号: 6–32 letters, digits or hyphens (the mock: 12 digits).',
    examSessionName: '轮次名称, printed as the heading.',
    name: '姓名.',
    documentType: '证件类型 (printed by name).',
    documentNumberMasked: '证件号码 masked, as in RealNameResult.',
    photoUrl: 'The photo (ImageUrl); null prints an empty photo box.',
    level: '报考级别 as printed.',
    qualification: '报考资格 as printed.',
    subjects: 'The subjects with their sittings, at least one.',
    site: 'The exam site, room and seat.',
    rules: '考场规则 (考生须知), printed as a numbered list.',
  },
});

doc(s.TicketAvailability, availabilityDoc('准考证 The admission ticket', TICKET, TICKET_WINDOW.opensAt, TICKET_WINDOW.closesAt, '缴费成功后方可打印准考证、查看考试安排。', 'available: the admission ticket.'));

doc(s.ExamArrangement, {
  description: '考试安排 When and where the candidate sits each subject.',
  examples: [ARRANGEMENT],
  fields: {
    examSessionName: '轮次名称.',
    items: 'One per subject, in the order of the exam.',
    'items.subject': '科目名称.',
    'items.startsAt': 'When the sitting starts.',
    'items.endsAt': 'When it ends.',
    'items.site': 'The exam site, room and seat of this sitting.',
  },
});

doc(s.ArrangementAvailability, availabilityDoc('考试安排 The exam arrangement', ARRANGEMENT, TICKET_WINDOW.opensAt, TICKET_WINDOW.closesAt, '缴费成功后方可打印准考证、查看考试安排。', 'available: the exam arrangement.'));

doc(s.ScoreReport, {
  description: '成绩 The candidate\'s scores of the round. A qualification is passed when every subject is passed in the same round.',
  examples: [SCORES_PASSED, SCORES_FAILED],
  fields: {
    examSessionName: '轮次名称.',
    qualification: '报考资格.',
    subjects: 'One per subject.',
    'subjects.name': '科目名称.',
    'subjects.score': 'The score (0–100, fractions allowed); null when the candidate was absent (缺考).',
    'subjects.maxScore': 'The full mark (75 for every subject now).',
    'subjects.passLine': 'The pass line: data, not a constant (45 nationally; 42 in some regions in 2023).',
    'subjects.passed': 'Whether this subject is passed.',
    passed: 'Whether the qualification is passed (every subject passed): the page says so above the table.',
    publishedAt: 'When the scores were published.',
  },
});

doc(s.ScoreAvailability, availabilityDoc('成绩 The scores', SCORES_PASSED, SCORE_RELEASE, at('2027-12-31', '23:59'), '本轮次无已缴费的报名，无成绩可查。', 'available: the score report.'));

doc(s.Certificate, {
  description: '证书 A certificate of a passed qualification (合格证书).',
  examples: [CERTIFICATE, CERTIFICATE_PENDING],
  fields: {
    number: '证书编号.',
    qualification: '资格名称.',
    level: '级别.',
    name: '姓名.',
    issuedAt: '签发日期; null before it is issued (shown as 尚未签发).',
    status: '`pending` 制作中, `issued` 已签发，待领取, `mailed` 已邮寄, `collected` 已领取.',
    issuer: '发证机关.',
  },
});

doc(s.CertificateList, {
  description: '证书查询 The candidate\'s certificates (of every round); empty before any is issued.',
  examples: [{ certificates: [CERTIFICATE] }, { certificates: [] }],
  fields: {
    certificates: 'The certificates, in the order to show them.',
  },
});

doc(s.Ok, {
  description: '成功 An answer without content (logout, password reset).',
  examples: [{ ok: true }],
  fields: {
    ok: 'Always true.',
  },
});

// ---------------------------------------------------------------------------------------------
// Error codes and details

doc(e.ErrorCodeSchema, {
  description:
    '错误代码 Every business code of the contract. Each has one HTTP status and, where listed, a `details` schema (components `Error_<CODE>`); each operation lists the codes it answers.',
  examples: ['VALIDATION', 'UNAUTHENTICATED', 'WINDOW_CLOSED'],
});

doc(e.ValidationDetails, {
  description: '`details` of VALIDATION: one message per field, keyed by the field\'s dotted path in the request (`subjectIds`, `subjectIds.1`; `photo` for the missing upload).',
  examples: [
    { fields: { mobile: '请输入正确的11位手机号码', photo: '请上传经过检测的证件照片。' } },
    { fields: { subjectIds: '须报考所选资格的全部科目', name: '须与实名认证信息一致' } },
  ],
  fields: {
    fields: 'Messages by field path (paths at most 200 characters); each message a sentence for the candidate, shown as text at its field.',
  },
});

doc(e.RetryDetails, {
  description: '`details` of TOO_MANY_ATTEMPTS and RATE_LIMITED: when to try again (the same number as the `Retry-After` header).',
  examples: [{ retryAfterSeconds: 300 }, { retryAfterSeconds: 45 }],
  fields: {
    retryAfterSeconds: 'Seconds to wait, more than 0.',
  },
});

doc(e.MaybeRetryDetails, {
  description: '`details` of SERVICE_UNAVAILABLE and IDEMPOTENCY_IN_PROGRESS: when to try again, where known.',
  examples: [{ retryAfterSeconds: 120 }, {}],
  fields: {
    retryAfterSeconds: 'Seconds to wait, more than 0, where the backend knows.',
  },
});

doc(e.PasswordWrongDetails, {
  description: '`details` of PASSWORD_WRONG: how many failed logins are left before the account is locked, where the backend tells.',
  examples: [{ remainingAttempts: 4 }, {}],
  fields: {
    remainingAttempts: 'Failed logins left (0 or more); the login form adds 还可尝试 N 次，之后账号将暂时锁定。 when it is more than 0.',
  },
});

doc(e.WindowNotOpenDetails, {
  description: '`details` of WINDOW_NOT_OPEN: when the window opens.',
  examples: [{ opensAt: REGISTRATION_WINDOW.opensAt }],
  fields: {
    opensAt: 'When registration (or payment) opens.',
  },
});

doc(e.WindowClosedDetails, {
  description: '`details` of WINDOW_CLOSED: when the window closed.',
  examples: [{ closedAt: REGISTRATION_WINDOW.closesAt }],
  fields: {
    closedAt: 'When registration (or payment) closed.',
  },
});

doc(e.InvalidStateDetails, {
  description: '`details` of INVALID_STATE: the application\'s status, where there is an application.',
  examples: [{ status: 'submitted' }, {}],
  fields: {
    status: 'The application\'s status at the refusal.',
  },
});

doc(e.PhotoRejectedDetails, {
  description: '`details` of PHOTO_REJECTED: why the photo was refused, and the limit broken.',
  examples: [
    { reason: 'size', bytes: 240000, maxBytes: 204800 },
    { reason: 'type', contentType: 'image/png' },
    { reason: 'dimensions', width: 413, height: 579 },
    { reason: 'empty' },
  ],
  fields: {
    reason: '`type`: not image/jpeg; `empty`: no bytes; `size`: over 204 800 bytes (200 KB); `dimensions`: not 295×413; `unreadable`: not a JPEG the backend can read.',
    contentType: 'type: the part\'s Content-Type as sent.',
    bytes: 'size: the file\'s size in bytes.',
    maxBytes: 'size: the largest size taken, in bytes.',
    width: 'dimensions: the photo\'s width in pixels.',
    height: 'dimensions: the photo\'s height in pixels.',
  },
});

doc(e.PayloadTooLargeDetails, {
  description: '`details` of PAYLOAD_TOO_LARGE: the largest body the operation takes.',
  examples: [{ maxBytes: 65536 }, { maxBytes: 262144 }],
  fields: {
    maxBytes: 'The largest request body in bytes (JSON 65 536; the photo upload 262 144).',
  },
});

doc(e.IdempotencyReusedDetails, {
  description: '`details` of IDEMPOTENCY_KEY_REUSED: the operation the key was first used for.',
  examples: [{ operation: 'submitApplication' }, {}],
  fields: {
    operation: 'The operationId the key was first used with.',
  },
});

// ---------------------------------------------------------------------------------------------
// The office API

doc(o.ReviewInput, {
  description: '审核 The reviewer\'s decision on a submitted application (an approved, unpaid one may still be rejected).',
  examples: [{ result: 'approved' }, { result: 'rejected', reason: '照片背景不是白色，请重新上传符合要求的照片。' }],
  fields: {
    result: '`approved` → the application is `approved`; `rejected` → `rejected`.',
    reason: 'Required when rejected (1–2000 characters): shown to the candidate.',
  },
});

doc(o.ChangeAnswerInput, {
  description: '答复变更申请 The office\'s answer to the pending change request; the application returns to `paid` (or `ticket-available`).',
  examples: [{ approved: true, response: '变更申请已通过，考区已按申请更正。' }, { approved: false }],
  fields: {
    approved: 'Whether the change is granted.',
    response: 'Shown to the candidate; without it the mock office words one.',
  },
});

doc(o.PublishScoresInput, {
  description: '发布成绩 The scores of some paid applications, published at once (every application is checked before any is scored).',
  examples: [
    {
      passLine: 45,
      results: [
        { applicationId: APPLICATION_ID, scores: [52, 48] },
        { applicationId: 'app-000018', scores: [47, 39.5, null] },
      ],
    },
    { results: [{ applicationId: APPLICATION_ID, scores: [52, 48] }] },
  ],
  fields: {
    passLine: 'The pass line of every subject (default 45).',
    results: 'One entry per application, at least one.',
    'results.applicationId': 'Application.id of a paid application (404 NOT_FOUND, 409 INVALID_STATE otherwise).',
    'results.scores': 'One score per subject of the application, in the plan\'s order (0–100; null = absent, 缺考); at least one.',
  },
});

doc(o.Count, {
  description: '数量 How many records an office action changed.',
  examples: [{ count: 128 }, { count: 0 }],
  fields: {
    count: 'The number of applications (tickets issued, scores published, certificates issued).',
  },
});

doc(o.ReviewQueue, {
  description: '审核队列 The submitted applications waiting for review, oldest submission first.',
  examples: [{ applications: [APPLICATION_SUBMITTED] }, { applications: [] }],
  fields: {
    applications: 'The applications with status `submitted`.',
  },
});

doc(o.CaptchaSolution, {
  description: '测试：图形验证码答案 Test only: the answer of an issued, unused captcha (what only a person could read).',
  examples: [{ answer: 'K7PX' }],
  fields: {
    answer: 'The code in the picture, 1–12 characters.',
  },
});

doc(o.SentCode, {
  description: '测试：已发送的验证码 Test only: the last code sent to a phone number or e-mail address (what only its owner could read).',
  examples: [{ code: '480913', sentAt: at('2027-03-15', '10:02:14') }],
  fields: {
    code: 'The code, 4–8 digits.',
    sentAt: 'When it was sent.',
  },
});

doc(o.ClockInput, {
  description: '测试：设定时钟 Test only: move the backend\'s clock (to test windows and expiry), or back to the real time.',
  examples: [{ now: at('2027-03-26', '09:00') }, { now: null }],
  fields: {
    now: 'The time the backend\'s clock shows from now on (it keeps running); null: the real time again.',
  },
});

doc(o.Clock, {
  description: '测试：时钟 Test only: the backend\'s clock.',
  examples: [{ now: at('2027-03-26', '09:00'), moved: true }, { now: at('2027-03-16', '10:15:00'), moved: false }],
  fields: {
    now: 'The backend\'s time now.',
    moved: 'Whether the clock was moved away from the real time.',
  },
});

export const schemaDocEntries: ReadonlyArray<[z.ZodMiniType, SchemaDoc]> = entries;
