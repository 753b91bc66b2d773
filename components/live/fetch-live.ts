"use client";

// Live views poll the API every few seconds. Polling is not a person: each poll says it is background
// unless the person clicked, typed or scrolled since the last one, so the server's idle timeout counts
// only people (lib/auth/require-user.ts). A poll that finds the session over takes the person to the
// login page with the reason, instead of showing stale data forever.

// Loading the page was the person's last activity, and the server counted it then.
let activeSinceLastPoll = false;
let listening = false;

function listenForActivity() {
  if (listening || typeof window === "undefined") return;
  listening = true;
  const mark = () => {
    activeSinceLastPoll = true;
  };
  for (const type of ["pointerdown", "keydown", "wheel", "touchstart"]) window.addEventListener(type, mark, { passive: true, capture: true });
}

function signInAgain(reason: string | undefined) {
  const query = new URLSearchParams({ callbackUrl: `${window.location.pathname}${window.location.search}` });
  if (reason) query.set("signedOut", reason);
  // A full load, not a client-side push: the session is gone and the login page is rendered by the server.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/login?${query}`);
}

export async function fetchLive<T>(url: string): Promise<T> {
  listenForActivity();
  const background = !activeSinceLastPoll;
  activeSinceLastPoll = false;
  const res = await fetch(url, {
    cache: "no-store",
    headers: { accept: "application/json", ...(background ? { "x-uptrust-background": "1" } : {}) },
  });
  const type = res.headers.get("content-type") ?? "";
  if (res.status === 401) {
    const body = (await res.json().catch(() => ({}))) as { signedOut?: string };
    signInAgain(body.signedOut);
    throw new Error("your session ended; sign in again");
  }
  // A lapsed session redirected to /login (HTML) must not be mistaken for data.
  if (!res.ok || !type.includes("application/json")) {
    throw new Error(res.redirected ? "your session ended; sign in again" : `the server answered ${res.status}`);
  }
  return (await res.json()) as T;
}
