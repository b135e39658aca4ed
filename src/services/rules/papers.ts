/**
 * The papers of the exam office (the mock and the reference server), built from an application
 * and the round: 报名表, 准考证, 考试安排, 成绩 and 证书. Pure functions; the office decides when each
 * is available (`releases.ts`).
 */
import { ageOn, maskDocumentNumber } from '../id-document.js';
import type {
  AdmissionTicket,
  Application,
  Certificate,
  DocumentType,
  ExamArrangement,
  ExamSession,
  Gender,
  Option,
  PrintedField,
  RegistrationSlip,
  ScoreReport,
} from '../schemas.js';
import { describeSelection } from './plan.js';

/** 证件类型 as printed. */
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  'resident-id': '居民身份证',
  'social-security-card': '社会保障卡',
  'hmt-residence-permit': '港澳台居民居住证',
  'hk-macao-pass': '港澳居民来往内地通行证',
  'taiwan-pass': '台湾居民来往大陆通行证',
  'foreign-permanent-residence': '外国人永久居留身份证',
  passport: '护照',
};

const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

/** 100.00 元 for 10000 fen. */
export function yuan(fen: number): string {
  return `${(fen / 100).toFixed(2)} 元`;
}

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : Array.isArray(value) ? value.join('、') : String(value);

const optionName = (options: Option[], code: unknown): string =>
  options.find((option) => option.code === code)?.name ?? text(code);

/** The exam site of an exam area: a named school for 丽江, a generic one elsewhere. */
export function examSite(session: ExamSession, areaCode: unknown, seat: number) {
  const area = session.provinces.flatMap((province) => province.areas).find((candidate) => candidate.code === areaCode);
  const room = `第${String(Math.floor(seat / 30) + 3).padStart(2, '0')}考场（机房${301 + Math.floor(seat / 30)}）`;
  const seatText = String((seat % 30) + 1).padStart(2, '0');
  if (areaCode === '5307') {
    return {
      name: '丽江师范学院考点',
      address: '云南省丽江市古城区 丽江师范学院 计算机楼',
      room,
      seat: seatText,
    };
  }
  const name = area?.name ?? '云南';
  return {
    name: `${name}考区第一考点`,
    address: `云南省${name}（考点详细地址以考区公告为准）`,
    room,
    seat: seatText,
  };
}

/** The rules printed on the admission ticket. */
export const TICKET_RULES: string[] = [
  '考生须凭准考证和报名时使用的有效身份证件原件进入考场，二者缺一不可。',
  '考生应在开考前30分钟入场，开考后禁止入场，考试期间不得提前离场。',
  '本考试为计算机化考试，入座后请核对屏幕上显示的本人信息，如有问题及时向监考人员报告。',
  '手机、智能手表等通讯和存储设备须关机后存放在考场指定位置，不得带至座位。',
  '考生须服从监考人员管理，违纪违规者按《专业技术人员资格考试违纪违规行为处理规定》处理。',
  '请妥善保管准考证，成绩查询和证书领取时需要使用。',
];

/**
 * 年龄 as the 报名表 prints it: whole years on the round's first exam day. That day, not the day
 * of printing, so every print of one 报名表 says the same, and it is the age the candidate sits
 * the exam at. Empty without a valid birth date.
 */
export function ageAtExam(session: Pick<ExamSession, 'examDates'>, birthDate: unknown): string {
  const [year, month, day] = session.examDates[0]!.split('-').map(Number);
  if (typeof birthDate !== 'string') return '';
  try {
    return String(ageOn(birthDate, new Date(year!, month! - 1, day)));
  } catch {
    return '';
  }
}

/** The 报名表 of a paid application. */
export function registrationSlip(
  session: ExamSession,
  application: Application,
  systemCode: string,
  issuedAt: string,
): RegistrationSlip {
  const fields = application.fields;
  const options = session.formOptions;
  const selection = describeSelection(session, fields);
  const province = session.provinces.find((candidate) => candidate.code === fields.provinceCode);
  const area = province?.areas.find((candidate) => candidate.code === fields.areaCode);
  const documentType = fields.documentType as DocumentType | undefined;
  const printed: PrintedField[] = [
    { label: '姓名', value: text(fields.name) },
    { label: '证件类型', value: documentType ? DOCUMENT_TYPE_LABELS[documentType] ?? '' : '' },
    { label: '证件号码', value: maskDocumentNumber(text(fields.documentNumber)) },
    { label: '性别', value: GENDER_LABELS[fields.gender as Gender] ?? '' },
    { label: '出生日期', value: text(fields.birthDate) },
    { label: '年龄', value: ageAtExam(session, fields.birthDate) },
    { label: '报考级别', value: selection.level },
    { label: '报考资格', value: selection.qualification },
    { label: '报考科目', value: selection.subjects.map((subject) => subject.name).join('、') },
    { label: '报名省市', value: province?.name ?? '' },
    { label: '考试考区', value: area?.name ?? '' },
    { label: '现有职称（类别）', value: optionName(options.titleCategories, fields.titleCategory) },
    { label: '取费资格（类别）', value: optionName(options.feeCategories, fields.feeCategory) },
    { label: '在职地点', value: optionName(options.workLocations, fields.workLocation) },
    { label: '工作单位', value: text(fields.employer) },
    { label: '参加工作时间', value: text(fields.workStartDate) },
    { label: '本专业技术年限', value: text(fields.professionalYears) },
    { label: '所在学校', value: text(fields.school) },
    { label: '所学专业', value: text(fields.major) },
    { label: '毕业时间', value: text(fields.graduationDate) },
    { label: '专业名称', value: text(fields.majorName) },
    { label: '在学/已有学历', value: optionName(options.studyStatuses, fields.studyStatus) },
    { label: '学历', value: optionName(options.educationLevels, fields.education) },
    { label: '学位', value: optionName(options.degrees, fields.degree) },
    { label: '通信地址', value: text(fields.address) },
    { label: '邮政编码', value: text(fields.postalCode) },
    { label: '手机号码', value: text(fields.mobile) },
    { label: 'Email', value: text(fields.email) },
    { label: '固定电话', value: text(fields.landline) },
    { label: '报名费', value: application.feeFen === null ? '' : yuan(application.feeFen) },
  ];
  return {
    title: `${session.name}报名表`,
    registrationNumber: application.registrationNumber ?? '0000000000',
    systemCode,
    statusText: application.status === 'change-requested' ? '报名成功（变更申请审核中）' : '报名成功',
    photoUrl: application.photo?.url ?? null,
    fields: printed,
    changeRequest: application.changeRequest,
    issuedAt,
  };
}

/** The 准考证 of a paid application. */
export function admissionTicket(
  session: ExamSession,
  application: Application,
  ticketNumber: string,
  seat: number,
): AdmissionTicket {
  const fields = application.fields;
  const selection = describeSelection(session, fields);
  return {
    ticketNumber,
    examSessionName: session.name,
    name: text(fields.name),
    documentType: fields.documentType as DocumentType,
    documentNumberMasked: maskDocumentNumber(text(fields.documentNumber)),
    photoUrl: application.photo?.url ?? null,
    level: selection.level,
    qualification: selection.qualification,
    subjects: selection.subjects.map(({ name, startsAt, endsAt }) => ({ name, startsAt, endsAt })),
    site: examSite(session, fields.areaCode, seat),
    rules: [...TICKET_RULES],
  };
}

/** The 考试安排 of a paid application. */
export function examArrangement(session: ExamSession, application: Application, seat: number): ExamArrangement {
  const selection = describeSelection(session, application.fields);
  const site = examSite(session, application.fields.areaCode, seat);
  return {
    examSessionName: session.name,
    items: selection.subjects.map((subject) => ({
      subject: subject.name,
      startsAt: subject.startsAt,
      endsAt: subject.endsAt,
      site: { ...site },
    })),
  };
}

/** The default scores: 52 and 48 (高级: and 47) out of 75. */
export const DEFAULT_SCORES: readonly number[] = [52, 48, 47];

/** The score report of an application: `scores[i]` for the i-th subject (null = 缺考), pass line 45. */
export function scoreReport(
  session: ExamSession,
  application: Application,
  scores: ReadonlyArray<number | null>,
  publishedAt: string,
  passLine = 45,
): ScoreReport {
  const selection = describeSelection(session, application.fields);
  const subjects = selection.subjects.map((subject, index) => {
    const score = index < scores.length ? (scores[index] ?? null) : (DEFAULT_SCORES[index] ?? 50);
    return { name: subject.name, score, maxScore: 75, passLine, passed: score !== null && score >= passLine };
  });
  return {
    examSessionName: session.name,
    qualification: selection.qualification,
    subjects,
    passed: subjects.length > 0 && subjects.every((subject) => subject.passed),
    publishedAt,
  };
}

/** The certificate of a candidate who passed. */
export function certificate(
  session: ExamSession,
  application: Application,
  number: string,
  issuedOn: string,
): Certificate {
  const selection = describeSelection(session, application.fields);
  return {
    number,
    qualification: selection.qualification,
    level: selection.level,
    name: text(application.fields.name),
    issuedAt: issuedOn,
    status: 'issued',
    issuer: '中华人民共和国人力资源和社会保障部、工业和信息化部',
  };
}
