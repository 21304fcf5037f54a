import type { DatasetSchema } from './types.ts';

export const SCHOOL_STAGES = ['幼儿园', '小学', '初中', '高中'] as const;

export const schoolPlacements = {
  id: 'school_placements',
  file: 'school_placements.csv',
  title: '驻军子女入学',
  description: '驻军子女入学申请与安排情况，每行一个年度、学段（可按部队单位分行）。',
  columns: [
    { key: 'year', label: '年度', aliases: ['年度', '年份'], type: 'year', required: true, description: '入学年度。' },
    { key: 'stage', label: '学段', aliases: ['学段'], type: 'text', required: true, oneOf: SCHOOL_STAGES, description: '学段：幼儿园、小学、初中、高中之一。' },
    { key: 'requested', label: '申请人数', aliases: ['申请人数'], type: 'integer', required: true, min: 0, unit: '名', description: '申请入学人数，非负整数。' },
    {
      key: 'placed', label: '安排人数', aliases: ['安排人数', '已安排人数'], type: 'integer', required: true, min: 0, unit: '名',
      description: '已安排入学人数，非负整数，且不大于申请人数。',
    },
    { key: 'unit', label: '部队单位', aliases: ['部队单位'], type: 'text', required: false, internal: true, description: '部队单位（内部字段，不公开）。' },
    { key: 'school', label: '学校', aliases: ['学校'], type: 'text', required: false, internal: true, description: '就读学校（内部字段，不公开）。' },
  ],
} as const satisfies DatasetSchema;
