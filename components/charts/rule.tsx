import { fy } from "./line-segments.ts";

// A dashed horizontal line across the plot at `y` (a fraction from the bottom).
export function Rule({ y, color }: { y: number; color: string }) {
  return <line x1={0} x2={100} y1={fy(y)} y2={fy(y)} stroke={color} strokeDasharray="4 3" strokeWidth={1} vectorEffect="non-scaling-stroke" />;
}
