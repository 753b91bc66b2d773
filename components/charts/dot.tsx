import { fx, fy } from "./line-segments.ts";

// A data point that stays round on a stretched plot: a zero-length stroke with round caps, in screen pixels.
export function Dot({ x, y, color, size = 5, title }: { x: number; y: number; color: string; size?: number; title: string }) {
  return (
    <path d={`M${fx(x)} ${fy(y)}h0`} stroke={color} strokeWidth={size} strokeLinecap="round" vectorEffect="non-scaling-stroke">
      <title>{title}</title>
    </path>
  );
}
