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
 * first tick of a new site day (and on a first tick at midnight). For axes whose ticks ECharts picks itself;
 * {@link siteTimeAxis} puts them on the site's hours.
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

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
/** Tick spacings in minutes of the site's clock; from a day up, every n-th site midnight. */
const EVERY = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];
/** Longest span whose ticks are computed here; longer axes keep ECharts' ticks. */
const LONGEST = 62 * 24 * HOUR;

/**
 * The instants in [min, max] at which the site's wall clock reads a whole multiple of {@code step} minutes (a divisor
 * of 60 that is a multiple of 5, or 60): [{ms, hour, minute, day}] (numbers; day "yyyy-MM-dd"). Every zone's offset
 * is a whole number of quarter hours (+05:30, +05:45, +09:30 too), so checking each 5-minute instant (each quarter
 * hour for whole hours) finds them all; a repeated hour is there twice, a skipped one not at all.
 */
export function siteClockMarks(min, max, zone, step = 60) {
  const scan = step % 15 === 0 ? 15 * MINUTE : 5 * MINUTE;
  const out = [];
  for (let t = Math.ceil(min / scan) * scan; t <= max; t += scan) {
    const p = siteParts(t, zone);
    const minute = Number(p.minute);
    if (minute % step === 0) {
      out.push({ ms: t, hour: Number(p.hour), minute, day: `${p.year}-${p.month}-${p.day}` });
    }
  }
  return out;
}

/**
 * The ticks for [min, max] on the site's wall clock, every {@code minutes} of it (a divisor of 24 h, e.g. 180 for
 * 00:00, 03:00, ...; 2880 or 10080 for every 2nd or 7th site midnight counted from 1970-01-01), as instants in order.
 */
export function siteClockTicks(min, max, zone, minutes) {
  if (minutes < 60) {
    return siteClockMarks(min, max, zone, minutes).map((m) => m.ms);
  }
  return siteClockMarks(min, max, zone).filter((h) => (minutes <= 1440 ? (h.hour * 60) % minutes === 0
    : h.hour === 0 && (Date.parse(`${h.day}T00:00:00Z`) / (24 * HOUR)) % (minutes / 1440) === 0)).map((h) => h.ms);
}

/** {@link siteClockTicks} every {@code hours} hours of the site's clock. */
export function siteHourTicks(min, max, zone, hours) {
  return siteClockTicks(min, max, zone, hours * 60);
}

/**
 * The plan's hour grid: every 3 site hours, every 6 over more than 36 h. The plan chart and the Gantt below it
 * both use it, so their grid lines meet.
 */
export function horizonTickEvery(min, max) {
  return max - min > 36 * HOUR ? 6 : 3;
}

/** The smallest spacing in minutes (5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, 1, 2, 7 days) giving at most {@code maxTicks}. */
export function tickEvery(min, max, maxTicks) {
  const minutes = (max - min) / MINUTE;
  return EVERY.find((e) => minutes / e <= maxTicks) || EVERY[EVERY.length - 1];
}

/**
 * An ECharts x axis over the instants [min, max] (epoch millis) with its ticks, labels and split lines on the site's
 * wall clock: every {@code every} hours of it, by default the spacing that fits {@code maxTicks} (from 5 minutes to
 * 7 days), also in zones not offset from UTC by whole hours and across daylight-saving changes. A label reads "HH:mm",
 * with the date on the first tick of a new site day (and on a first tick at midnight). {@code extra} is merged into the axis (gridIndex, axisLabel.show, ...).
 * Over more than 62 days ECharts places the ticks and {@link siteAxisLabel} labels them.
 */
export function siteTimeAxis(min, max, zone, { every, maxTicks = 8, extra = {} } = {}) {
  const label = Object.assign({ hideOverlap: true }, extra.axisLabel || {});
  if (!(max > min) || max - min > LONGEST) {
    return Object.assign({}, extra, { type: 'time', min, max,
      axisLabel: Object.assign(label, { formatter: siteAxisLabel(zone) }) });
  }
  // A value axis over the instants: ECharts 6's time axis fails on custom ticks with a label function (it reads the
  // tick's time level, which custom ticks lack); a value axis takes both, and data and markers stay [millis, value].
  const axis = Object.assign({}, extra, { type: 'value', min, max, scale: true });
  const ticks = siteClockTicks(min, max, zone, every ? every * 60 : tickEvery(min, max, maxTicks));
  const labels = new Map();
  ticks.forEach((ms, i) => {
    const p = siteParts(ms, zone);
    const day = `${p.year}-${p.month}-${p.day}`;
    const newDay = i === 0 ? p.hour === '00' : day !== siteDay(ticks[i - 1], zone);
    labels.set(ms, newDay ? `${day} ${p.hour}:${p.minute}` : `${p.hour}:${p.minute}`);
  });
  return Object.assign(axis, {
    axisTick: Object.assign({}, extra.axisTick || {}, { customValues: ticks }),
    axisLabel: Object.assign(label, { customValues: ticks, formatter: (ms) => labels.get(ms) ?? siteTime(ms, zone) }),
  });
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

  /** The shared time axis ({@link siteTimeAxis}), reachable from the page like {@link siteTime}. */
  static siteTimeAxis(min, max, zone, options) {
    return siteTimeAxis(min, max, zone, options);
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
