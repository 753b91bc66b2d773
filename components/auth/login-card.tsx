import styles from "./login.module.css";

type Props = {
  providerName: string;
  development: boolean;
  error?: string;
  callbackUrl: string;
  action: (form: FormData) => Promise<void>;
};

export function LoginCard({ providerName, development, error, callbackUrl, action }: Props) {
  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="login-title">
        <div className={styles.brand}>
          <span className={styles.mark} aria-hidden="true">U</span>
          <h1 id="login-title" style={{ margin: 0, fontSize: "inherit" }}>Uptrust</h1>
        </div>
        <p className={styles.tagline}>Sign in to see what changed in your clusters, and what it is costing you.</p>
        {error ? <p role="alert" data-testid="login-error" className={styles.error}>{error}</p> : null}
        {development ? (
          <p className={styles.note}>
            Development sign-in: no identity provider is configured (AUTH_OIDC_ISSUER is unset), so Uptrust
            started a local one. Sign in as <strong>demo</strong> / <strong>demo</strong>.
          </p>
        ) : null}
        <form action={action}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className={styles.button}>Sign in with {providerName}</button>
        </form>
      </section>
    </main>
  );
}
