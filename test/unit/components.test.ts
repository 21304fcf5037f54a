import { describe, it, expect, beforeAll } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import KpiCard from '../../src/components/KpiCard.astro';
import ChartFigure from '../../src/components/ChartFigure.astro';
import YearSwitcher from '../../src/components/YearSwitcher.astro';
import type { TableSpec } from '../../src/lib/site/tables/index.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const table = (over: Partial<TableSpec> = {}): TableSpec => ({
  id: 'funding-category',
  title: '历年经费投入（按类别）',
  unit: '万元',
  source: '示例区党管武装工作领导小组办公室',
  columns: [
    { label: '类别', kind: 'text' },
    { label: '2025年', kind: 'number', frac: 2, fixed: true },
    { label: '比上年增减（%）', kind: 'change' },
  ],
  rows: [
    ['</script><script>alert(1)</script>', 50, '无上年数据'],
    ['拥军设施建设', 326.2, 12.4],
  ],
  total: ['合计', 376.2, null],
  footnote: '部分数据因四舍五入，分项合计与总计略有出入。',
  sentence: '2025年经费投入中，拥军设施建设最多，为326.2万元，占86.7%。',
  chart: { type: 'bar', labels: ['</script><b>x</b>'], series: [{ name: '金额', color: 1, values: [50] }], axisTitle: '万元', frac: 2 },
  ...over,
});

describe('KpiCard', () => {
  it('shows an abbreviated figure with the exact one, the change in words with an arrow, and a decorative sparkline', async () => {
    const html = await container.renderToString(KpiCard, {
      props: { label: '培训教育参加人次', value: 29702, unit: '人次', frac: 0, change: { direction: 'up', text: '比上年增长 16.2%' }, sentence: '句子。', trend: [1, 2, 3] },
    });
    expect(html).toContain('<span class="kpi-card__figure"');
    expect(html).toContain('2.97万</span>');
    expect(html).toContain('精确值：29,702 人次');
    expect(html).toMatch(/aria-hidden="true"[^>]*>▲<\/span>/);
    expect(html).toContain('比上年增长 16.2%');
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/);
    expect(html).toMatch(/<data value="29702"/);
  });

  it('shows — for a missing value and escapes a hostile label', async () => {
    const html = await container.renderToString(KpiCard, {
      props: { label: '<img src=x onerror=alert(1)>', value: null, unit: '起', change: { direction: 'none', text: '— 本年无数据' }, sentence: 's' },
    });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('kpi-card__figure--none');
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('ChartFigure', () => {
  it('renders a figure with caption, a labelled canvas, a table with scoped headers, unit, source, footnote and CSV link', async () => {
    const html = await container.renderToString(ChartFigure, { props: { table: table() } });
    expect(html).toContain('<figure class="chart-figure"');
    expect(html).toMatch(/<canvas role="img" aria-label="历年经费投入（按类别）：2025年经费投入中，拥军设施建设最多，为326.2万元，占86.7%。"/);
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row"');
    expect(html).toContain('历年经费投入（按类别）（单位：万元）');
    expect(html).toContain('326.20');
    expect(html).toContain('增长 12.4%');
    expect(html).toContain('— 无上年数据');
    expect(html).toContain('单位：万元　数据来源：示例区党管武装工作领导小组办公室');
    expect(html).toContain('注：部分数据因四舍五入，分项合计与总计略有出入。');
    expect(html).toContain('href="/downloads/funding-category.csv"');
    expect(html).toContain('下载 CSV');
  });

  it('keeps hostile text out of the markup and the chart data block', async () => {
    const html = await container.renderToString(ChartFigure, { props: { table: table() } });
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('</script><b>');
    expect(html).toContain('\\u003c/script>\\u003cb>x\\u003c/b>');
  });

  it('says 暂无数据 for a table without rows, and offers no chart or download', async () => {
    const html = await container.renderToString(ChartFigure, { props: { table: table({ rows: [], total: undefined, chart: undefined }) } });
    expect(html).toContain('暂无数据');
    expect(html).not.toContain('<canvas');
    expect(html).not.toContain('下载 CSV');
  });
});

describe('ChartFigure panels, legend and 下载图片', () => {
  const pair = table({
    id: 'militia-total',
    title: '历年查处案件与抓获涉案人员',
    unit: '起、人',
    chart: {
      type: 'bar',
      labels: ['2024年', '2025年'],
      series: [
        { name: '查处案件', color: 2, unit: '起', values: [217, 233] },
        { name: '抓获涉案人员', color: 3, unit: '人', values: [266, 287] },
      ],
      axisTitle: '起',
      frac: 0,
    },
  });

  it('draws series of different units as two charts, each headed by its measure with its own unit line', async () => {
    const html = await container.renderToString(ChartFigure, { props: { table: pair } });
    expect(html.match(/<canvas /g)).toHaveLength(2);
    expect(html.match(/class="chart-panel__heading"[^>]*>([^<]*)</g)?.map((m) => m.replace(/.*>|<$/g, ''))).toEqual(['查处案件', '抓获涉案人员']);
    expect(html.match(/class="chart-panel__unit"[^>]*>([^<]*)</g)?.map((m) => m.replace(/.*>|<$/g, ''))).toEqual(['单位：起', '单位：人']);
    expect(html).toContain('chart-panels--multi');
    expect(html).not.toContain('chart-legend');
  });

  it('gives a chart of several series in one unit an HTML legend whose swatches name their palette slot', async () => {
    const html = await container.renderToString(ChartFigure, {
      props: {
        table: table({
          chart: {
            type: 'bar',
            stacked: true,
            labels: ['2025年'],
            series: [
              { name: '民兵整组', color: 2, values: [50] },
              { name: '其他', color: 0, values: [9] },
            ],
            axisTitle: '万元',
            frac: 2,
          },
        }),
      },
    });
    expect(html.match(/data-legend-slot="(\d)"[^>]*><\/span>([^<]*)</g)?.map((m) => m.replace(/^data-legend-slot="(\d)".*<\/span>(.*)<$/, '$1 $2'))).toEqual(['2 民兵整组', '0 其他']);
    expect(html.match(/<canvas /g)).toHaveLength(1);
  });

  it('offers 下载图片 hidden until the chart is drawn, with the PNG name and the source for the image', async () => {
    const html = await container.renderToString(ChartFigure, { props: { table: pair } });
    expect(html).toMatch(/<button type="button" class="chart-export"[^>]* data-export-name="历年查处案件与抓获涉案人员（2024—2025年）.png" data-source="示例区党管武装工作领导小组办公室" hidden/);
    expect(html).toMatch(/下载图片<span class="visually-hidden"[^>]*>（历年查处案件与抓获涉案人员）<\/span>/);
  });

  it('offers no 下载图片 for a table without a chart', async () => {
    const html = await container.renderToString(ChartFigure, { props: { table: table({ chart: undefined }) } });
    expect(html).not.toContain('下载图片');
  });
});

describe('YearSwitcher', () => {
  it('links every year, newest first, and marks the current one', async () => {
    const html = await container.renderToString(YearSwitcher, { props: { years: [2023, 2024, 2025], current: 2024 } });
    expect(html.match(/href="\/year\/\d{4}\/"/g)).toEqual(['href="/year/2025/"', 'href="/year/2024/"', 'href="/year/2023/"']);
    expect(html).toMatch(/href="\/year\/2024\/" aria-current="page"/);
  });
});

describe('YearSwitcher with many years', () => {
  const years = Array.from({ length: 40 }, (_, i) => 1986 + i);

  it('shows the latest 8 years as buttons and the 32 earlier ones in a closed 更早年度 disclosure, one row per decade', async () => {
    const html = await container.renderToString(YearSwitcher, { props: { years, current: 2025 } });
    const [visible, folded] = html.split('<details');
    expect(visible!.match(/href="\/year\/\d{4}\/"/g)).toHaveLength(8);
    expect(folded!.match(/href="\/year\/\d{4}\/"/g)).toHaveLength(32);
    expect(html).toMatch(/<details class="year-switcher__more"[^>]*><summary[^>]*>更早年度（1986—2017年）<\/summary>/);
    expect(html).not.toMatch(/<details[^>]* open/);
    expect(html.match(/\d{4}年代/g)).toEqual(['2010年代', '2000年代', '1990年代', '1980年代']);
  });

  it('opens the disclosure when the current year is an earlier one, and marks it', async () => {
    const html = await container.renderToString(YearSwitcher, { props: { years, current: 1995 } });
    expect(html).toMatch(/<details class="year-switcher__more"[^>]* open/);
    expect(html).toMatch(/href="\/year\/1995\/" aria-current="page"/);
  });
});

describe('Phrases in headings', () => {
  it('puts <wbr> only between phrases of a chart title and escapes hostile text', async () => {
    const html = await container.renderToString(ChartFigure, { props: { table: table({ title: '2025年各街道查处案件与抓获涉案人员' }) } });
    expect(html).toMatch(/>2025年<wbr>各街道查处案件<wbr>与抓获涉案人员<\/h2>/);
    const hostile = await container.renderToString(KpiCard, {
      props: { label: '<b>经费</b>投入', value: 1, unit: '万元', change: { direction: 'none', text: '无上年数据' }, sentence: '' },
    });
    expect(hostile).toContain('&lt;b&gt;经费&lt;/b&gt;投入');
    expect(hostile).not.toContain('<b>');
  });
});
