/**
 * The exam plan of the seeded round: the three levels with every qualification examined now
 * (高级 5, 中级 11, 初级 4; domain README), their subjects and sitting times, and Yunnan's fee
 * per level (初级/中级 100 元, 高级 150 元).
 */
import type { Level, Qualification, Subject } from '../services/schemas.js';
import { chinaAt } from './time.js';

/** Level ids of the seeded plan. */
export const LEVEL_IDS = { senior: 'senior', intermediate: 'intermediate', junior: 'junior' } as const;

/** Yunnan's fee per level, in fen. */
export const YUNNAN_FEES_FEN = { junior: 10000, intermediate: 10000, senior: 15000 } as const;

/** The examined qualifications per level: `[id, 资格名称]`. */
export const QUALIFICATIONS = {
  senior: [
    ['information-systems-project-manager', '信息系统项目管理师'],
    ['systems-analyst', '系统分析师'],
    ['system-architect', '系统架构设计师'],
    ['network-planner', '网络规划设计师'],
    ['it-service-planner', '系统规划与管理师'],
  ],
  intermediate: [
    ['software-designer', '软件设计师'],
    ['software-tester', '软件评测师'],
    ['network-engineer', '网络工程师'],
    ['multimedia-designer', '多媒体应用设计师'],
    ['embedded-systems-designer', '嵌入式系统设计师'],
    ['e-commerce-designer', '电子商务设计师'],
    ['systems-integration-project-manager', '系统集成项目管理工程师'],
    ['information-systems-supervisor', '信息系统监理师'],
    ['information-security-engineer', '信息安全工程师'],
    ['database-engineer', '数据库系统工程师'],
    ['information-systems-management-engineer', '信息系统管理工程师'],
  ],
  junior: [
    ['programmer', '程序员'],
    ['network-administrator', '网络管理员'],
    ['information-processing-technician', '信息处理技术员'],
    ['information-systems-operator', '信息系统运行管理员'],
  ],
} as const satisfies Record<keyof typeof LEVEL_IDS, ReadonlyArray<readonly [string, string]>>;

type SittingSpec = readonly [suffix: string, name: string, starts: string, ends: string];

/** 高级: 综合知识 and 案例分析 back to back in the morning (240 min), 论文 in the afternoon. */
const SENIOR_SITTINGS: readonly SittingSpec[] = [
  ['comprehensive', '综合知识', '08:30', '10:30'],
  ['case-study', '案例分析', '10:30', '12:30'],
  ['essay', '论文', '14:30', '16:30'],
];

/** 初级 and 中级: 基础知识 in the morning, 应用技术 in a separate afternoon sitting. */
const BASIC_SITTINGS: readonly SittingSpec[] = [
  ['fundamentals', '基础知识', '08:30', '10:30'],
  ['applied', '应用技术', '13:30', '15:00'],
];

function subjects(qualificationId: string, date: string, sittings: readonly SittingSpec[]): Subject[] {
  return sittings.map(([suffix, name, starts, ends]) => ({
    id: `${qualificationId}.${suffix}`,
    name,
    startsAt: chinaAt(date, starts),
    endsAt: chinaAt(date, ends),
  }));
}

function qualifications(
  list: ReadonlyArray<readonly [string, string]>,
  date: string,
  sittings: readonly SittingSpec[],
): Qualification[] {
  return list.map(([id, name]) => ({ id, name, subjects: subjects(id, date, sittings) }));
}

/**
 * The plan's levels for a round examined on `examDates` (two consecutive days): 高级 and 初级 on
 * the first day, 中级 on the second.
 */
export function seedLevels(examDates: readonly [string, string]): Level[] {
  const [first, second] = examDates;
  return [
    {
      id: LEVEL_IDS.senior,
      name: '高级',
      feeFen: YUNNAN_FEES_FEN.senior,
      qualifications: qualifications(QUALIFICATIONS.senior, first, SENIOR_SITTINGS),
    },
    {
      id: LEVEL_IDS.intermediate,
      name: '中级',
      feeFen: YUNNAN_FEES_FEN.intermediate,
      qualifications: qualifications(QUALIFICATIONS.intermediate, second, BASIC_SITTINGS),
    },
    {
      id: LEVEL_IDS.junior,
      name: '初级',
      feeFen: YUNNAN_FEES_FEN.junior,
      qualifications: qualifications(QUALIFICATIONS.junior, first, BASIC_SITTINGS),
    },
  ];
}
