import {
  DataVizPalette,
  getColorFromToken,
  GroupedVerticalBarChart,
  LineChart,
  type GroupedVerticalBarChartData,
} from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import { useRef, useState, useLayoutEffect } from 'react';
import { termStartDate, type BarGroup, type TrendSeries } from './chart-data';

/**
 * The charts themselves, in a chunk of their own (d3 and Fluent's chart library): the page and its
 * tables come first, the drawing after. Colours are Fluent's data-visualisation palette, which the
 * chart library adapts to the Teams themes. No hover callouts: the table under each chart gives every
 * figure, and a callout that opens under the pointer covers the buttons below the chart.
 */
const PALETTE = [DataVizPalette.color1, DataVizPalette.color2, DataVizPalette.color3, DataVizPalette.color4];
const HEIGHT = 260;
// Wide enough to read, not so wide that a few bars float in a desktop-wide plot.
const useStyles = makeStyles({ area: { maxWidth: '48rem' } });

/** The width the chart has: its container's (a phone's 375 px or a desktop column), measured. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const className = useStyles().area;
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width, className };
}

/** `title` names the drawing (each chart on a page needs its own name). Bars side by side for each group (e.g. school and national for each measure). Unknown values are left out. */
export function GroupedBars({ title, groups, legends }: { title: string; groups: BarGroup[]; legends: string[] }) {
  const { ref, width, className } = useWidth();
  const data: GroupedVerticalBarChartData[] = groups.map((g) => ({
    name: g.name,
    series: g.values.flatMap((value, i) =>
      value === null
        ? []
        : [{ key: legends[i]!, legend: legends[i]!, data: value, color: getColorFromToken(PALETTE[i % PALETTE.length]!) }],
    ),
  }));
  return (
    <div ref={ref} className={className}>
      {width > 0 && (
        <GroupedVerticalBarChart chartTitle={title} data={data} width={width} height={HEIGHT} wrapXAxisLables hideLabels hideTooltip />
      )}
    </div>
  );
}

/** A line per series across the terms, in school order; each term sits at its usual start on the time axis. */
export function TrendLines({ title, terms, series }: { title: string; terms: string[]; series: TrendSeries[] }) {
  const { ref, width, className } = useWidth();
  const dates = terms.map(termStartDate);
  const lineChartData = series.map((s, i) => ({
    legend: s.legend,
    color: getColorFromToken(PALETTE[i % PALETTE.length]!),
    data: s.values.flatMap((y, t) => (y === null ? [] : [{ x: dates[t]!, y, xAxisCalloutData: terms[t] }])),
  }));
  const termAt = (date: Date) => terms[dates.findIndex((d) => d.getTime() === date.getTime())] ?? '';
  return (
    <div ref={ref} className={className}>
      {width > 0 && (
        <LineChart
          data={{ chartTitle: title, lineChartData }}
          width={width}
          height={HEIGHT}
          tickValues={dates}
          // Room for the first and last term's names, which sit centred on the ends of the axis.
          margins={{ left: 64, right: 64 }}
          customDateTimeFormatter={termAt}
          useUTC
          hideTooltip
        />
      )}
    </div>
  );
}
