// Base classes of Kelvin's chart elements.
// KelvinDataElement: the server sets the `data` property to a JSON string; the same string pushed again changes
// nothing (a hovered tooltip stays up), anything else is parsed and drawn by the subclass's _render().
// KelvinEChartsElement: an Apache ECharts chart living as long as the element is attached, resized with it.
import * as echarts from 'echarts/core';

/**
 * The plot's left and right insets in px, shared by the plan chart's grids and the Gantt below it, so that the same
 * instant is at the same x in both (they are drawn the same width): the Gantt's job labels fill the left inset.
 */
export const PLOT_INSETS = { left: 220, right: 72 };

// Times travel as true instants (epoch millis) with the site's IANA zone id; the time axes are drawn on instants
// (useUTC, so evenly spaced across a daylight-saving change) and every label reads the site's wall clock, formatted
// here by Intl in the site's zone (a repeated or skipped hour reads as the site's clock shows it).
const FORMATS = new Map();

/** The instant's wall-clock fields in {@code zone}: {year, month, day, hour, minute, zoneName} (strings, 2-digit). */
export function siteParts(ms, zone) {
  let f = FORMATS.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
    FORMATS.set(zone, f);
  }
  const p = {};
  f.formatToParts(ms).forEach(({ type, value }) => { p[type] = value; });
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, zoneName: p.timeZoneName };
}

/**
 * The instant as the site's wall clock: "HH:mm", with {@code date} "yyyy-MM-dd HH:mm", with {@code zoneName} the
 * zone's abbreviation or offset appended ("02:30 CEST", "02:30 CET"), which tells the repeated hour apart.
 */
export function siteTime(ms, zone, { date = false, zoneName = false } = {}) {
  const p = siteParts(ms, zone);
  const time = `${p.hour}:${p.minute}`;
  return `${date ? `${p.year}-${p.month}-${p.day} ` : ''}${time}${zoneName ? ` ${p.zoneName}` : ''}`;
}

/** The site's calendar day of the instant, "yyyy-MM-dd". */
export function siteDay(ms, zone) {
  const p = siteParts(ms, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * A time-axis label formatter for ECharts (ticks are instants): the site's wall-clock time, with the date on the
 * first tick of a new site day (and on a first tick at midnight).
 */
export function siteAxisLabel(zone) {
  let previous = null;
  return (ms, index) => {
    const day = siteDay(ms, zone);
    const p = siteParts(ms, zone);
    const newDay = index === 0 || previous === null ? p.hour === '00' && p.minute === '00' : day !== previous;
    previous = day;
    return newDay ? `${day} ${p.hour}:${p.minute}` : `${p.hour}:${p.minute}`;
  };
}

/**
 * Line data for values that each hold over their step [times[i], times[i] + stepMillis): every known value is drawn
 * from its step's start to its end, and an unknown one (null) breaks the line, so the last step before a gap is drawn
 * whole too. For plain (unstacked) line series without ECharts' `step` option.
 */
export function heldOverSteps(times, values, stepMillis) {
  return values.flatMap((v, i) => (v === null ? [[times[i], null]] : [[times[i], v], [times[i] + stepMillis, v]]));
}

export class KelvinDataElement extends HTMLElement {
  /** The shared formatter, reachable from the page as customElements.get(tag).siteTime(ms, zone, options). */
  static siteTime(ms, zone, options) {
    return siteTime(ms, zone, options);
  }

  constructor() {
    super();
    this._data = null;
    this._json = null;
  }

  set data(json) {
    if (typeof json === 'string' && json === this._json) {
      return;
    }
    this._json = typeof json === 'string' ? json : null;
    this._data = typeof json === 'string' ? JSON.parse(json) : json;
    this._render();
  }

  get data() {
    return this._data;
  }

  _render() {
  }
}

export class KelvinEChartsElement extends KelvinDataElement {
  constructor() {
    super();
    this._chart = null;
    this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
  }

  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this._chart = echarts.init(this, null, { renderer: 'canvas' });
    this._resize.observe(this);
    this._render();
  }

  /** The x of {@code ms} on the first x axis, in viewport px (as getBoundingClientRect), or NaN before drawing. */
  xPixel(ms) {
    if (!this._chart) {
      return Number.NaN;
    }
    return this.getBoundingClientRect().left + this._chart.convertToPixel({ xAxisIndex: 0 }, ms);
  }

  disconnectedCallback() {
    this._resize.disconnect();
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }
}
