import type { CSSProperties } from "react";

export const axisTick = { fill: "#8b9bb0", fontSize: 10 };

export const tooltipStyle: CSSProperties = {
  background: "#161d26",
  border: "1px solid #263241",
  borderRadius: 4,
  fontSize: 12,
  color: "#e6edf3",
};
