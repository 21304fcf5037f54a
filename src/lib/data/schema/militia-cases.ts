import type { DatasetSchema } from './types.ts';

export const militiaCases = {
  id: 'militia_cases',
  file: 'militia_cases.csv',
  title: '民兵警民协防',
  description: '民兵配合警务室查处案件情况，每行一条记录。',
  columns: [
    { key: 'date', label: '日期', aliases: ['日期'], type: 'date', required: true, description: '查处日期，如 2024-03-05 或 2024年3月。' },
    { key: 'subdistrict', label: '办事处', aliases: ['办事处', '街道'], type: 'text', required: true, description: '所在办事处（街道）。' },
    { key: 'case_type', label: '案件类型', aliases: ['案件类型', '类型'], type: 'text', required: false, description: '案件类型（可不填）。' },
    { key: 'cases', label: '查处案件数', aliases: ['查处案件数', '案件数'], type: 'integer', required: true, min: 0, unit: '起', description: '查处案件数，非负整数。' },
    {
      key: 'persons', label: '抓获涉案人员数', aliases: ['抓获涉案人员数', '涉案人员数', '人数'], type: 'integer', required: true,
      min: 0, unit: '人', description: '抓获涉案人员数，非负整数。',
    },
    { key: 'note', label: '备注', aliases: ['备注'], type: 'text', required: false, internal: true, description: '备注（内部字段，不公开）。' },
  ],
} as const satisfies DatasetSchema;
