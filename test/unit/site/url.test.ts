import { describe, it, expect } from 'vitest';
import { withBase, stripBase } from '../../../src/lib/site/url.ts';
import { navItems, activeNavId } from '../../../src/lib/site/nav.ts';

describe('withBase and stripBase', () => {
  it('withBase puts a site path under the base path', () => {
    expect(withBase('/', '/funding/')).toBe('/funding/');
    expect(withBase('/zt/shuangyong/', '/funding/')).toBe('/zt/shuangyong/funding/');
    expect(withBase('/zt/shuangyong', '/')).toBe('/zt/shuangyong/');
    expect(withBase('/zt/shuangyong/', 'downloads/a.csv')).toBe('/zt/shuangyong/downloads/a.csv');
  });
  it('stripBase turns a pathname back into a site path', () => {
    expect(stripBase('/zt/shuangyong/', '/zt/shuangyong/funding/')).toBe('/funding/');
    expect(stripBase('/zt/shuangyong/', '/zt/shuangyong')).toBe('/');
    expect(stripBase('/', '/year/2023/')).toBe('/year/2023/');
  });
});

describe('navigation', () => {
  it('lists nine items with the report of the given year', () => {
    const items = navItems(2025);
    expect(items.map((i) => i.label)).toEqual(['总览', '经费投入', '民兵警民协防', '培训与教育', '驻军子女入学', '其他指标', '双拥荣誉', '年度报告', '数据说明']);
    expect(items.find((i) => i.id === 'report')?.href).toBe('/report/2025/');
  });
  it('leaves out the report link when there is no data year', () => {
    expect(navItems(null).some((i) => i.id === 'report')).toBe(false);
  });
  it('marks year pages as the overview and report pages as the report', () => {
    expect(activeNavId('/')).toBe('overview');
    expect(activeNavId('/year/2023/')).toBe('overview');
    expect(activeNavId('/report/2024/')).toBe('report');
    expect(activeNavId('/funding')).toBe('funding');
    expect(activeNavId('/404/')).toBe(null);
  });
});
