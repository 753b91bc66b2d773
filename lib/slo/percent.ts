// An objective written as a percentage (Sloth's 99.9, OpenSLO's targetPercent) as the fraction Uptrust
// stores. Dividing by 100 in binary gives 0.9990000000000001 for 99.9; shifting the decimal point in the
// number's own text gives exactly the 0.999 the user wrote.
export function percentToFraction(percent: number): number {
  const [mantissa, exponent = "0"] = String(percent).split("e");
  return Number(`${mantissa}e${Number(exponent) - 2}`);
}
