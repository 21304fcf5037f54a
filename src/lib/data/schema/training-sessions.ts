import type { DatasetSchema } from './types.ts';

export const trainingSessions = {
  id: 'training_sessions',
  file: 'training_sessions.csv',
  title: '培训与教育活动',
  description: '专业技能培训、普法教育、国防教育等活动，每行一项活动。',
  columns: [
    { key: 'date', label: '日期', aliases: ['日期'], type: 'date', required: true, description: '活动日期，如 2024-08-01 或 2024年8月。' },
    {
      key: 'kind', label: '类别', aliases: ['类别', '活动类别'], type: 'text', required: true,
      description: '活动类别，如 专业技能培训、函授教育、普法教育、法律骨干培训、国防教育、军事日、学生军训。',
    },
    { key: 'title', label: '名称', aliases: ['名称', '活动名称'], type: 'text', required: false, description: '活动名称（可不填）。' },
    {
      key: 'sessions', label: '场次', aliases: ['场次', '次数'], type: 'integer', required: false, min: 1, default: 1, unit: '场次',
      description: '场次，不小于 1；不填按 1 场计。',
    },
    { key: 'participants', label: '参加人次', aliases: ['参加人次', '人次'], type: 'integer', required: true, min: 0, unit: '人次', description: '参加人次，非负整数。' },
    { key: 'organizer', label: '组织单位', aliases: ['组织单位'], type: 'text', required: false, internal: true, description: '组织单位（内部字段，不公开）。' },
  ],
} as const satisfies DatasetSchema;
