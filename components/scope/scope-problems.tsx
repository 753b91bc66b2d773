import c from "../cockpit/cockpit.module.css";

// A link with a scope Uptrust cannot read is not silently widened: what was left out, and why, is named.
export function ScopeProblems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <div className={c.problems} role="alert" data-testid="scope-problems">
      Part of this link&apos;s scope was left out, so the page may show more than the link meant:
      <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
    </div>
  );
}
