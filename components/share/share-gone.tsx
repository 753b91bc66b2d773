import { SHARE_NOT_FOUND } from "@/lib/share/share-not-found.ts";
import s from "../ui/styles.module.css";

// What every token that opens nothing shows: one sentence, no way into the cockpit.
export function ShareGone() {
  return (
    <div className={s.page} style={{ maxWidth: 640, paddingTop: 80 }} data-testid="share-gone">
      <h1 style={{ fontSize: 20 }}>Link not available</h1>
      <p>{SHARE_NOT_FOUND}</p>
    </div>
  );
}
