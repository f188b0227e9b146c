// <kelvin-dr-chart>: one demand-response event against the meter, drawn by Apache ECharts.
// The server sets the `data` property to a JSON string:
//   {"event", "zone" (IANA id), "times":[epoch millis], "stepMillis",
//    "eventStart", "eventEnd", "now" (epoch millis),
//    "series":{"importKw","capKw","baselineKw": [number|null per step]}}
// Metered grid import (mean per step), the import cap and the baseline, each value held over its step; the event's span is
// shaded. null is a gap (no GOOD meter data, no cap in force, no baseline), never filled. The axis is drawn on instants
// with ticks on the site's wall-clock hours, the date on the first tick of each site day (siteTimeAxis).
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, MarkAreaComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { KelvinEChartsElement, heldOverSteps, siteTime, siteTimeAxis } from './kelvin-chart-element.js';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkAreaComponent, MarkLineComponent,
  CanvasRenderer]);

const NAMES = {
  importKw: 'Metered grid import',
  capKw: 'DR import cap',
  baselineKw: 'Baseline (CAISO 10-in-10)',
};

function kw(v) {
  return v === null || v === undefined ? '—' : `${Number(v).toLocaleString('en-US', { maximumFractionDigits: 0 })} kW`;
}

class KelvinDrChart extends KelvinEChartsElement {
  _render() {
    if (!this._chart || !this._data) {
      return;
    }
    const d = this._data;
    const times = d.times;
    const end = times.length ? times[times.length - 1] + d.stepMillis : undefined;
    // A step's value holds over the whole step [start, start + step); an unknown one breaks the line.
    const step = (key, extra) => Object.assign({
      name: NAMES[key], type: 'line', symbol: 'none', connectNulls: false,
      data: heldOverSteps(times, d.series[key], d.stepMillis),
    }, extra);
    const series = [
      step('importKw', { color: '#1f6feb', lineStyle: { width: 2 }, areaStyle: { opacity: 0.08 },
        markArea: { silent: true, itemStyle: { color: 'rgba(207, 34, 46, 0.08)' },
          label: { show: true, position: 'insideTop', color: '#cf222e', formatter: 'event' },
          data: [[{ xAxis: d.eventStart }, { xAxis: d.eventEnd }]] } }),
      step('capKw', { color: '#cf222e', lineStyle: { width: 2, type: 'dashed' } }),
      step('baselineKw', { color: '#8c959f', lineStyle: { width: 2, type: 'dotted' } }),
    ];
    if (d.now >= times[0] && d.now <= end) {
      series[1].markLine = { symbol: 'none', silent: true, label: { formatter: 'now', position: 'insideEndTop' },
        lineStyle: { color: '#59636e' }, data: [{ xAxis: d.now }] };
    }
    this.setAttribute('data-series', series.map((x) => x.name).join('|'));
    this.setAttribute('data-plotted', String(Object.values(d.series).reduce((n, v) => n + v.filter((x) => x !== null).length, 0)));
    this._chart.setOption({
      animation: false,
      useUTC: true,
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 4 },
      tooltip: {
        trigger: 'axis',
        formatter: (items) => (items.length ? [`${siteTime(items[0].value[0], d.zone, { date: true, zoneName: true })} (${d.zone})`,
          ...items.map((p) => `${p.marker}${p.seriesName}: <b>${kw(p.value[1])}</b>`)].join('<br>') : ''),
      },
      grid: { left: 72, right: 32, top: 48, bottom: 40 },
      xAxis: siteTimeAxis(times[0], end, d.zone, { maxTicks: Math.max(2, Math.floor((this.clientWidth - 104) / 110)) }),
      yAxis: { type: 'value', name: 'kW', min: 0, splitLine: { lineStyle: { color: '#eaeef2' } } },
      series,
    }, { notMerge: true });
  }
}

customElements.define('kelvin-dr-chart', KelvinDrChart);
