/**
 * The dashboard's charts (ECharts, SVG): members and admissions over five years and, when the composition table
 * answers, the members by sex and by age band. Numbers in the tooltips as Vietnamese writes them (8.716).
 */
import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import type { DashboardResponse } from '../../../contract/reports.ts';
import { formatCount } from '../../lib/labels.ts';
import { EChart, type EChartOption } from '../EChart.tsx';

const tooltip = { trigger: 'axis' as const, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatCount(v) : String(v)) };
const axisLabel = { formatter: (v: number) => formatCount(v) };

function trendOption(t: DashboardResponse['trends']): EChartOption {
  return {
    tooltip,
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 24 },
    xAxis: { type: 'category', data: t.years.map(String) },
    yAxis: [
      { type: 'value', name: 'Đảng viên', axisLabel },
      { type: 'value', name: 'Kết nạp', axisLabel, splitLine: { show: false } },
    ],
    series: [
      { type: 'line', name: 'Đảng viên', data: t.members },
      { type: 'bar', name: 'Kết nạp trong năm', yAxisIndex: 1, data: t.admitted, barMaxWidth: 28 },
    ],
  };
}

function barsOption(slices: { label: string; value: number }[], name: string): EChartOption {
  return {
    tooltip,
    grid: { left: 48, right: 16, top: 16, bottom: 24 },
    xAxis: { type: 'category', data: slices.map((s) => s.label) },
    yAxis: { type: 'value', axisLabel },
    series: [{ type: 'bar', name, data: slices.map((s) => s.value), barMaxWidth: 40 }],
  };
}

export function DashboardCharts({ d }: { d: DashboardResponse }) {
  const trends = useMemo(() => trendOption(d.trends), [d.trends]);
  const sex = useMemo(() => (d.composition ? barsOption(d.composition.bySex, 'Đảng viên') : null), [d.composition]);
  const age = useMemo(() => (d.composition ? barsOption(d.composition.byAge, 'Đảng viên') : null), [d.composition]);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={d.composition ? 12 : 24}>
        <Card size="small" title={`Đảng viên và kết nạp ${d.trends.years[0]}–${d.trends.years.at(-1)}`}>
          <EChart option={trends} height={260} data-testid="dashboard-trends" />
        </Card>
      </Col>
      {sex && age && (
        <>
          <Col xs={24} md={12} xl={4}>
            <Card size="small" title="Theo giới tính">
              <EChart option={sex} height={260} data-testid="dashboard-sex" />
            </Card>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Card size="small" title="Theo độ tuổi">
              <EChart option={age} height={260} data-testid="dashboard-age" />
            </Card>
          </Col>
        </>
      )}
    </Row>
  );
}
