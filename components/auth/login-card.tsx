import { DEV_USERS } from "@/lib/auth/dev-users.ts";
import styles from "./login.module.css";

type Props = {
  providerName: string;
  development: boolean;
  error?: string;
  // The provider's own words, shown as text under the error.
  providerDetail?: string;
  // Why the person's last session ended (idle, sign-out, revocation...).
  signedOut?: string;
  callbackUrl: string;
  action: (form: FormData) => Promise<void>;
};

export function LoginCard({ providerName, development, error, providerDetail, signedOut, callbackUrl, action }: Props) {
  return (
    <div className={styles.page}>
      <section className={styles.card} aria-labelledby="login-title">
        <div className={styles.brand}>
          <span className={styles.mark} aria-hidden="true">U</span>
          <h1 id="login-title" style={{ margin: 0, fontSize: "inherit" }}>Uptrust</h1>
        </div>
        <p className={styles.tagline}>Sign in to see what changed in your clusters, and what it is costing you.</p>
        {signedOut && !error ? <p role="status" data-testid="signed-out" className={styles.note}>{signedOut}</p> : null}
        {error ? (
          <div role="alert" data-testid="login-error" className={styles.error}>
            {error}
            {providerDetail ? <div data-testid="provider-detail" className={styles.detail}>{providerDetail}</div> : null}
          </div>
        ) : null}
        {development ? (
          <p className={styles.note}>
            Development sign-in: no identity provider is configured (AUTH_OIDC_ISSUER is unset), so Uptrust
            started a local one with a user per role; each password is the user name.
            <span className={styles.users}>
              {DEV_USERS.map((u) => (
                <span key={u.login}><strong>{u.login}</strong> ({u.role})</span>
              ))}
            </span>
          </p>
        ) : null}
        <form action={action}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className={styles.button}>Sign in with {providerName}</button>
        </form>
      </section>
    </div>
  );
}
