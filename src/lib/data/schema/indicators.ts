import type { DatasetSchema } from './types.ts';

export const indicators = {
  id: 'indicators',
  file: 'indicators.csv',
  title: '其他年度指标',
  description: '年度工作报告中的其他数字（走访调研次数、法律咨询人数、转业干部安置等），每行一个年度的一个指标。',
  columns: [
    { key: 'year', label: '年度', aliases: ['年度', '年份'], type: 'year', required: true, description: '指标所属年度。' },
    { key: 'section', label: '栏目', aliases: ['栏目'], type: 'text', required: true, description: '指标所属栏目，用于分组显示。' },
    { key: 'indicator', label: '指标', aliases: ['指标'], type: 'text', required: true, description: '指标名称；同一年度同一指标只能有一行。' },
    {
      key: 'value', label: '数值', aliases: ['数值'], type: 'decimal', required: true, min: 0, percent: true,
      description: '指标数值，不小于 0；可写成 96.5%，此时单位须为 %。',
    },
    { key: 'unit', label: '单位', aliases: ['单位'], type: 'text', required: true, description: '计量单位；同一指标各年度单位须一致。' },
  ],
} as const satisfies DatasetSchema;
