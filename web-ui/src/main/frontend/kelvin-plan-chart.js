// <kelvin-plan-chart>: the horizon of a plan, drawn by Apache ECharts in two panels sharing the time axis.
// The server sets the `data` property to a JSON string:
//   {"zone" (IANA id), "times":[epoch millis], "slotMillis", "now",
//    "series":{"unscheduledKw","jobsKw","itKw","pvKw","pvP10Kw","pvP90Kw","windKw","windP10Kw","windP90Kw",
//              "drCapKw","carbonGPerKwh","priceEurPerKwh": [number|null per slot]}}
// Top panel, kW: IT load Kelvin does not schedule and the plan's jobs stacked, IT as planned, PV and wind each with
// its P10-P90 band, the DR import cap. Bottom panel: carbon intensity (g/kWh, left) and import price (EUR/kWh, right).
// null is a gap. The axis is drawn on instants (every slot the same width, also across a daylight-saving change), with
// ticks on the site's wall-clock hours (siteTimeAxis), also in zones offset by half hours.
// The plot area has the insets PLOT_INSETS and spans the horizon exactly, like the Gantt below it (xPixel(ms)).
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, AxisPointerComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { KelvinEChartsElement, PLOT_INSETS, heldOverSteps, horizonTickEvery, siteTime, siteTimeAxis }
  from './kelvin-chart-element.js';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, AxisPointerComponent,
  CanvasRenderer]);

const NAMES = {
  unscheduledKw: 'IT not scheduled by Kelvin',
  jobsKw: 'Planned jobs',
  itKw: 'IT load (plan)',
  pvKw: 'PV',
  pvBand: 'PV P10–P90',
  windKw: 'Wind',
  windBand: 'Wind P10–P90',
  drCapKw: 'DR import cap',
  carbonGPerKwh: 'Carbon intensity',
  priceEurPerKwh: 'Import price',
};

function fmt(v, digits, unit) {
  if (v === null || v === undefined || Number.isNaN(v)) {
    return '—';
  }
  return `${Number(v).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

class KelvinPlanChart extends KelvinEChartsElement {
  _render() {
    if (!this._chart || !this._data) {
      return;
    }
    const d = this._data;
    const s = d.series;
    const times = d.times;
    // Slot values hold for the whole slot [start, start + slot). Plain lines are drawn over each slot whole
    // (heldOverSteps, so the last slot before a gap shows too). The stacked areas need one point per slot for the
    // stack: ECharts' step 'end' holds each point's value up to the next point, and a point at the horizon's end
    // closes the last slot.
    const horizonEnd = times.length ? times[times.length - 1] + d.slotMillis : undefined;
    const stacked = (values) => (values.length ? [...values.map((v, i) => [times[i], v]),
      [horizonEnd, values[values.length - 1]]] : []);
    const step = (key, extra) => Object.assign({
      name: NAMES[key], type: 'line', symbol: 'none', connectNulls: false,
      data: extra.stack ? stacked(s[key]) : heldOverSteps(times, s[key], d.slotMillis),
    }, extra.stack ? { step: 'end' } : {}, extra);
    // A P10-P90 band: P10 stacked with the spread above it, only the spread filled (one slot a step, like the areas).
    const band = (name, lo, hi, color) => [
      { name, type: 'line', step: 'end', symbol: 'none', stack: name, data: stacked(lo),
        lineStyle: { opacity: 0 }, color, tooltip: { show: false } },
      { name, type: 'line', step: 'end', symbol: 'none', stack: name,
        data: stacked(hi.map((h, i) => (h === null || lo[i] === null ? null : h - lo[i]))),
        lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.25 }, color, tooltip: { show: false } },
    ];
    const units = {
      [NAMES.unscheduledKw]: [0, 'kW'], [NAMES.jobsKw]: [0, 'kW'], [NAMES.itKw]: [0, 'kW'], [NAMES.pvKw]: [0, 'kW'],
      [NAMES.windKw]: [0, 'kW'], [NAMES.drCapKw]: [0, 'kW'], [NAMES.carbonGPerKwh]: [0, 'g/kWh'],
      [NAMES.priceEurPerKwh]: [4, 'EUR/kWh'],
    };
    const series = [
      step('unscheduledKw', { stack: 'it', areaStyle: { opacity: 0.35 }, color: '#8c959f', lineStyle: { width: 1 } }),
      step('jobsKw', { stack: 'it', areaStyle: { opacity: 0.5 }, color: '#1f6feb', lineStyle: { width: 1 } }),
      step('itKw', { color: '#0a3069', lineStyle: { width: 2 } }),
      ...band(NAMES.pvBand, s.pvP10Kw, s.pvP90Kw, '#d29922'),
      step('pvKw', { color: '#bf8700', lineStyle: { width: 2 } }),
      ...band(NAMES.windBand, s.windP10Kw, s.windP90Kw, '#4ac26b'),
      step('windKw', { color: '#2da44e', lineStyle: { width: 2 } }),
      step('drCapKw', { color: '#cf222e', lineStyle: { width: 2, type: 'dashed' } }),
      step('carbonGPerKwh', { xAxisIndex: 1, yAxisIndex: 1, color: '#6e7781', lineStyle: { width: 2 } }),
      step('priceEurPerKwh', { xAxisIndex: 1, yAxisIndex: 2, color: '#8250df', lineStyle: { width: 2, type: 'dashed' } }),
    ];
    if (d.now >= times[0] && d.now <= times[times.length - 1] + d.slotMillis) {
      series[2].markLine = { symbol: 'none', silent: true, label: { formatter: 'now', position: 'insideEndTop' }, lineStyle: { color: '#59636e' },
        data: [{ xAxis: d.now }] };
    }
    this.setAttribute('data-series', series.map((x) => x.name).filter((v, i, a) => a.indexOf(v) === i).join('|'));
    this.setAttribute('data-plotted', String(Object.values(s).reduce((n, v) => n + v.filter((x) => x !== null).length, 0)));
    const end = times.length ? times[times.length - 1] + d.slotMillis : undefined;
    // Ticks and grid lines on the site's wall-clock hours, the same as the Gantt's below.
    const every = horizonTickEvery(times[0], end);
    const xAxis = (gridIndex, show) => siteTimeAxis(times[0], end, d.zone, { every,
      extra: { gridIndex, axisLabel: { show }, splitLine: { show: true, lineStyle: { color: '#eaeef2' } } } });
    this._chart.setOption({
      animation: false,
      useUTC: true,
      legend: { top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 4 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'line' },
        formatter: (items) => {
          if (!items.length) {
            return '';
          }
          const head = `${siteTime(items[0].value[0], d.zone, { date: true, zoneName: true })} (${d.zone})`;
          const lines = items.filter((p) => units[p.seriesName]).map((p) => `${p.marker}${p.seriesName}: <b>${fmt(p.value[1],
            units[p.seriesName][0], units[p.seriesName][1])}</b>`);
          const i = times.indexOf(items[0].value[0]);
          if (i >= 0 && s.pvP10Kw[i] !== null) {
            lines.push(`PV P10–P90: <b>${fmt(s.pvP10Kw[i], 0, '')}–${fmt(s.pvP90Kw[i], 0, 'kW')}</b>`);
          }
          if (i >= 0 && s.windP10Kw[i] !== null) {
            lines.push(`Wind P10–P90: <b>${fmt(s.windP10Kw[i], 0, '')}–${fmt(s.windP90Kw[i], 0, 'kW')}</b>`);
          }
          return [head, ...lines].join('<br>');
        },
      },
      axisPointer: { link: [{ xAxisIndex: 'all' }] },
      // The Gantt below uses the same insets and time span, so a slot is at the same x in both.
      grid: [{ left: PLOT_INSETS.left, right: PLOT_INSETS.right, top: 64, height: '52%' },
        { left: PLOT_INSETS.left, right: PLOT_INSETS.right, bottom: 28, height: '20%' }],
      xAxis: [xAxis(0, false), xAxis(1, true)],
      yAxis: [
        { type: 'value', gridIndex: 0, name: 'kW', splitLine: { lineStyle: { color: '#eaeef2' } } },
        { type: 'value', gridIndex: 1, name: 'gCO2/kWh', splitLine: { lineStyle: { color: '#eaeef2' } } },
        { type: 'value', gridIndex: 1, name: 'EUR/kWh', position: 'right', splitLine: { show: false },
          axisLabel: { formatter: (v) => v.toFixed(3) } },
      ],
      series,
    }, { notMerge: true });
  }
}

customElements.define('kelvin-plan-chart', KelvinPlanChart);
