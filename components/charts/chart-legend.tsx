import s from "./charts.module.css";

export type LegendItem = { label: string; color: string; dashed?: boolean };

// What each colour means, under the plot; dashed series get a dashed swatch.
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <div className={s.legend}>
      {items.map((i) => (
        <span key={i.label}>
          <i className={s.swatch} style={i.dashed ? { backgroundImage: `linear-gradient(90deg, ${i.color} 60%, transparent 60%)`, backgroundSize: "5px 3px" } : { background: i.color }} />
          {i.label}
        </span>
      ))}
    </div>
  );
}
