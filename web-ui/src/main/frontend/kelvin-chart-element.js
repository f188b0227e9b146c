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

export function pad(n) {
  return String(n).padStart(2, '0');
}

export class KelvinDataElement extends HTMLElement {
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
