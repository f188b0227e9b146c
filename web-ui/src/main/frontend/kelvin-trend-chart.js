// <kelvin-trend-chart>: a line chart of site power over time, drawn by Apache ECharts.
// The server sets the `data` property to a JSON string:
//   {"times":[epochMillis...], "lines":[{"key","name","unit","axis":0|1,"values":[number|null...]}],
//    "zone": IANA id of the site}
// Axis 0 is power in kW, axis 1 a ratio (PUE). null values are gaps and are drawn as gaps.
// The axis is drawn on instants with ticks on the site's wall-clock hours (not the browser's, not UTC's): siteTimeAxis.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { KelvinEChartsElement, siteTime, siteTimeAxis } from './kelvin-chart-element.js';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLORS = ['#1f6feb', '#8250df', '#d29922', '#cf222e', '#2da44e', '#6e7781'];

function format(value, line) {
  if (value === null || value === undefined) {
    return '—';
  }
  const text = Number(value).toLocaleString('en-US', { maximumFractionDigits: line.axis === 1 ? 3 : 0,
    minimumFractionDigits: line.axis === 1 ? 3 : 0 });
  return line.unit && line.unit !== '1' ? `${text} ${line.unit}` : text;
}

// A value with gaps on both sides draws no line segment, so it gets a dot of its own.
function point(time, value, before, after) {
  const isolated = value !== null && (before === null || before === undefined) && (after === null || after === undefined);
  return isolated ? { value: [time, value], symbol: 'circle', symbolSize: 5 } : [time, value];
}

class KelvinTrendChart extends KelvinEChartsElement {
  _render() {
    if (!this._chart || !this._data) {
      return;
    }
    const zone = this._data.zone;
    const times = this._data.times;
    const series = this._data.lines.map((line, i) => ({
      name: line.name,
      type: 'line',
      yAxisIndex: line.axis,
      symbol: 'none',
      connectNulls: false,
      smooth: false,
      lineStyle: { width: line.axis === 1 ? 1.5 : 2, type: line.axis === 1 ? 'dashed' : 'solid' },
      color: COLORS[i % COLORS.length],
      data: line.values.map((v, j) => point(times[j], v, line.values[j - 1], line.values[j + 1])),
    }));
    const plotted = this._data.lines.reduce((n, line) => n + line.values.filter((v) => v !== null).length, 0);
    this.setAttribute('data-plotted', String(plotted));
    this._chart.setOption({
      animation: false,
      useUTC: true,
      grid: { left: 64, right: 56, top: 56, bottom: 32 },
      legend: { top: 0, right: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 4 },
      tooltip: {
        trigger: 'axis',
        formatter: (items) => (items.length ? [siteTime(items[0].value[0], zone, { date: true, zoneName: true }),
          ...items.map((p) => `${p.marker}${p.seriesName}: <b>${format(p.value[1], this._data.lines[p.seriesIndex])}</b>`)]
          .join('<br>') : ''),
      },
      // Ticks on the site's wall-clock hours, as many as fit the width.
      xAxis: siteTimeAxis(times[0], times[times.length - 1], zone,
        { maxTicks: Math.max(2, Math.floor((this.clientWidth - 120) / 90)) }),
      yAxis: [
        { type: 'value', name: 'kW', scale: false, splitLine: { lineStyle: { color: '#eaeef2' } } },
        // At least 0.02 wide, so a steady PUE does not print the same label on every tick.
        { type: 'value', name: 'PUE', splitLine: { show: false },
          min: (r) => (Number.isFinite(r.min) ? Math.floor((r.min - 0.01) * 100) / 100 : 1),
          max: (r) => (Number.isFinite(r.max) ? Math.ceil((r.max + 0.01) * 100) / 100 : 2),
          axisLabel: { formatter: (v) => v.toFixed(3) } },
      ],
      series,
    }, { notMerge: true });
  }
}

customElements.define('kelvin-trend-chart', KelvinTrendChart);
