import type { DatasetSchema } from './types.ts';

export const HONOR_LEVELS = ['国家级', '省级', '市级', '区级'] as const;

export const honors = {
  id: 'honors',
  file: 'honors.csv',
  title: '双拥荣誉',
  description: '本区及所属单位、个人获得的双拥与国防建设荣誉，每行一项荣誉（公开页面）。',
  columns: [
    { key: 'year', label: '年度', aliases: ['年度', '年份'], type: 'year', required: true, description: '获得荣誉的年度。' },
    { key: 'title', label: '荣誉名称', aliases: ['荣誉名称', '荣誉'], type: 'text', required: true, description: '荣誉名称，如 双拥模范城。' },
    { key: 'conferred_by', label: '授予单位', aliases: ['授予单位'], type: 'text', required: true, description: '授予荣誉的单位。' },
    { key: 'recipient', label: '获得者', aliases: ['获得者', '获奖对象'], type: 'text', required: true, description: '获得荣誉的单位或个人。' },
    { key: 'level', label: '级别', aliases: ['级别'], type: 'text', required: true, oneOf: HONOR_LEVELS, description: '级别：国家级、省级、市级、区级之一。' },
    { key: 'note', label: '备注', aliases: ['备注'], type: 'text', required: false, description: '备注（公开显示）。' },
  ],
} as const satisfies DatasetSchema;
