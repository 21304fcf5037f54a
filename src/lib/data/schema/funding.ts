import type { DatasetSchema } from './types.ts';

export const funding = {
  id: 'funding',
  file: 'funding.csv',
  title: '经费投入',
  description: '各类党管武装与双拥工作经费，每行一笔投入。',
  columns: [
    { key: 'year', label: '年度', aliases: ['年度', '年份'], type: 'year', required: true, description: '经费投入的年度。' },
    {
      key: 'category', label: '类别', aliases: ['类别', '投入类别'], type: 'text', required: true,
      description: '投入类别，如 人武部规范化建设、民兵整组、拥军设施建设、营区环境整治、科技拥军、优抚资金、国防教育、其他。',
    },
    { key: 'project', label: '项目', aliases: ['项目', '项目名称'], type: 'text', required: false, description: '项目名称（可不填）。' },
    {
      key: 'amount_wan', label: '金额（万元）', aliases: ['金额（万元）', '金额(万元)', '金额'], type: 'decimal', required: true,
      min: 0, unit: '万元', description: '投入金额，单位万元，不小于 0。',
    },
    { key: 'recipient', label: '受益单位', aliases: ['受益单位', '对象'], type: 'text', required: false, internal: true, description: '受益单位（内部字段，不公开）。' },
    { key: 'note', label: '备注', aliases: ['备注'], type: 'text', required: false, internal: true, description: '备注（内部字段，不公开）。' },
  ],
} as const satisfies DatasetSchema;
