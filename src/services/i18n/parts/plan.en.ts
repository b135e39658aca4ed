/** English messages of plan.ts (loaded with en.ts only when a page asks for English). */
import type { planZhCN } from './plan.js';

export const planEn: Record<keyof typeof planZhCN, string> = {
  'plan.title': 'Exam plan',
  'plan.loading': 'Loading the exam plan…',
  'plan.loadError': 'The exam plan could not be loaded: {reason}',
  'plan.noBackend': 'This page is not connected to the registration system, so the plan cannot be shown.',
  'plan.examDates': 'Exam dates: {dates}',
  'plan.registrationWindow': 'Registration: {opensAt} to {closesAt}',
  'plan.paymentWindow': 'Payment: {opensAt} to {closesAt}',
  'plan.filter.legend': 'Show level',
  'plan.filter.all': 'All',
  'plan.level.heading': '{level} ({count} qualifications)',
  'plan.col.qualification': 'Qualification',
  'plan.col.subjects': 'Subjects and times',
  'plan.col.fee': 'Fee',
  'plan.col.action': 'Register',
  'plan.select': 'Choose',
  'plan.selectFor': ': {qualification}',
  'plan.selected': 'Chosen',
  'plan.selectedNote': 'Chosen: {level} {qualification}',
  'plan.fee.perLevel': '{amount} (per level)',
  'plan.fee.perSubject': '{amount} per subject',
  'plan.fee.unknown': 'As published by the exam office',
  'plan.empty': 'No qualification of this level is examined in this round.',
  'plan.timeZone': 'All times are Beijing time.',
};
