// <kelvin-plan-gantt>: a plan's jobs as a Gantt chart in SVG, one row per job.
// The server sets the `data` property to a JSON string:
//   {"start", "slotMillis", "slots", "now", "zone",   (times: epoch millis; zone: the site's IANA id)
//    "jobs":[{"id","state","outcome","runSlots":[slot...],"release","deadline","explanation","details":[text...]}]}
// Each unbroken run of slots is a bar (class `gantt-bar`, coloured by state); release and deadline are ticks
// (`gantt-release`, `gantt-deadline`; an arrow at the edge when outside the horizon). Hovering a bar or a job's
// name shows the tooltip `.gantt-tooltip` with the job's explanation. The hour grid's labels are `gantt-hour`.
import { KelvinDataElement, PLOT_INSETS, horizonTickEvery, siteHourTicks, siteParts } from './kelvin-chart-element.js';

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 28;
// The plot's insets are the plan chart's, so each slot is at the same x as in the chart above.
const LABEL = PLOT_INSETS.left;
const AXIS = 28;
const RIGHT = PLOT_INSETS.right;
const COLORS = { PLANNED: '#1f6feb', RUNNING: '#2da44e', PAUSED: '#bf8700', LATE: '#d1242f', MISSED: '#82071e',
  FINISHED: '#8c959f', CANCELLED: '#d0d7de' };

function el(name, attrs, parent) {
  const e = document.createElementNS(SVG, name);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, String(v)));
  if (parent) {
    parent.appendChild(e);
  }
  return e;
}

/** Unbroken runs of ascending slots: [[first, lastExclusive], ...]. */
function runs(slots) {
  const sorted = [...slots].sort((a, b) => a - b);
  const out = [];
  for (const t of sorted) {
    if (out.length && out[out.length - 1][1] === t) {
      out[out.length - 1][1] = t + 1;
    } else {
      out.push([t, t + 1]);
    }
  }
  return out;
}

class KelvinPlanGantt extends KelvinDataElement {
  constructor() {
    super();
    // Redrawn when the width changes (its own height follows the rows and must not start a loop).
    this._resize = new ResizeObserver(() => {
      if (this.clientWidth !== this._width) {
        this._render();
      }
    });
  }

  connectedCallback() {
    this.style.display = 'block';
    this.style.position = 'relative';
    this._resize.observe(this);
    this._render();
  }

  disconnectedCallback() {
    this._resize.disconnect();
  }

  _render() {
    const d = this._data;
    if (!d || !this.isConnected) {
      return;
    }
    this._width = this.clientWidth;
    const width = Math.max(this.clientWidth, LABEL + RIGHT + 240);
    this.textContent = '';
    if (!d.jobs.length) {
      this.textContent = 'This plan has no jobs.';
      return;
    }
    const span = d.slots * d.slotMillis;
    const plot = width - LABEL - RIGHT;
    const x = (ms) => LABEL + Math.max(0, Math.min(1, (ms - d.start) / span)) * plot;
    const height = AXIS + d.jobs.length * ROW + 4;
    const svg = el('svg', { width, height, class: 'gantt', 'font-family': 'var(--lumo-font-family)', 'font-size': 12 });
    // Hour grid and labels on the site's wall clock (the plan chart's ticks: horizonTickEvery), the date where a day
    // begins. Times are instants, so the grid is evenly spaced like the slots; a repeated hour gets its line twice, a
    // skipped one none.
    siteHourTicks(d.start, d.start + span, d.zone, horizonTickEvery(d.start, d.start + span)).forEach((t) => {
      const p = siteParts(t, d.zone);
      el('line', { x1: x(t), x2: x(t), y1: AXIS - 4, y2: height, stroke: '#eaeef2' }, svg);
      const text = el('text', { x: x(t), y: AXIS - 10, 'text-anchor': 'middle', fill: '#59636e', class: 'gantt-hour' },
        svg);
      text.textContent = p.hour === '00' ? `${p.year}-${p.month}-${p.day}` : `${p.hour}:00`;
    });
    const zone = el('text', { x: 4, y: AXIS - 10, fill: '#59636e' }, svg);
    zone.textContent = `Job (times ${d.zone})`;
    const tooltip = document.createElement('div');
    tooltip.className = 'gantt-tooltip';
    tooltip.id = `${this.id || 'gantt'}-tooltip`;
    tooltip.setAttribute('role', 'tooltip');
    Object.assign(tooltip.style, { position: 'absolute', display: 'none', zIndex: 10, maxWidth: '420px',
      background: '#fff', border: '1px solid #d0d7de', borderRadius: '6px', padding: '8px 10px',
      boxShadow: '0 4px 12px rgba(31,35,40,.15)', fontSize: '13px', pointerEvents: 'none', whiteSpace: 'normal' });
    const show = (job, event) => {
      tooltip.textContent = '';
      const title = document.createElement('b');
      title.textContent = `${job.id} — ${job.state.toLowerCase()}`;
      const why = document.createElement('div');
      why.className = 'gantt-explanation';
      why.textContent = job.explanation;
      tooltip.append(title, why);
      job.details.forEach((line) => {
        const p = document.createElement('div');
        p.style.color = '#59636e';
        p.textContent = line;
        tooltip.appendChild(p);
      });
      const box = this.getBoundingClientRect();
      tooltip.style.display = 'block';
      tooltip.style.left = `${Math.min(event.clientX - box.left + 12, width - 430)}px`;
      tooltip.style.top = `${event.clientY - box.top + 12}px`;
    };
    const hide = () => {
      tooltip.style.display = 'none';
    };
    d.jobs.forEach((job, i) => {
      const y = AXIS + i * ROW;
      const row = el('g', { class: 'gantt-row', 'data-job': job.id, 'data-state': job.state }, svg);
      if (i % 2 === 1) {
        el('rect', { x: 0, y, width, height: ROW, fill: '#f6f8fa' }, row);
      }
      const name = el('text', { x: 4, y: y + ROW / 2 + 4, fill: '#1f2328', class: 'gantt-label' }, row);
      name.textContent = job.id.length > 20 ? `${job.id.slice(0, 19)}…` : job.id;
      const state = el('text', { x: LABEL - 8, y: y + ROW / 2 + 4, 'text-anchor': 'end', class: 'gantt-state',
        fill: COLORS[job.state] || '#59636e', 'font-weight': 600 }, row);
      state.textContent = job.state.toLowerCase();
      [name, state].forEach((t) => {
        t.addEventListener('mouseenter', (e) => show(job, e));
        t.addEventListener('mouseleave', hide);
      });
      runs(job.runSlots).forEach(([from, to]) => {
        const x0 = x(d.start + from * d.slotMillis);
        const bar = el('rect', { x: x0, y: y + 6, width: Math.max(2, x(d.start + to * d.slotMillis) - x0),
          height: ROW - 12, rx: 3, fill: COLORS[job.state] || '#1f6feb', class: 'gantt-bar', 'data-job': job.id }, row);
        bar.addEventListener('mouseenter', (e) => show(job, e));
        bar.addEventListener('mousemove', (e) => show(job, e));
        bar.addEventListener('mouseleave', hide);
      });
      const mark = (ms, cls, color) => {
        if (ms === null || ms === undefined) {
          return;
        }
        const inside = ms >= d.start && ms <= d.start + span;
        const mx = x(ms);
        if (inside) {
          el('line', { x1: mx, x2: mx, y1: y + 3, y2: y + ROW - 3, stroke: color, 'stroke-width': 2, class: cls }, row);
        } else {
          const dir = ms < d.start ? -1 : 1;
          el('path', { d: `M${mx + dir * 6},${y + ROW / 2} l${-dir * 6},-5 v10 z`, fill: color, class: cls }, row);
        }
      };
      mark(job.release, 'gantt-release', '#2da44e');
      mark(job.deadline, 'gantt-deadline', '#cf222e');
    });
    if (d.now >= d.start && d.now <= d.start + span) {
      el('line', { x1: x(d.now), x2: x(d.now), y1: AXIS - 4, y2: height, stroke: '#59636e', 'stroke-dasharray': '4 3',
        class: 'gantt-now' }, svg);
    }
    this.append(svg, tooltip);
    this.setAttribute('data-bars', String(this.querySelectorAll('.gantt-bar').length));
  }
}

customElements.define('kelvin-plan-gantt', KelvinPlanGantt);
