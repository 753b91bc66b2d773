"use client";

// Live views poll the API every few seconds. Polling is not a person: each poll says it is background
// unless the person clicked, typed or scrolled since the last one, so the server's idle timeout counts
// only people (lib/auth/require-user.ts).

// Loading the page was the person's last activity, and the server counted it then.
let activeSinceLastPoll = false;
let listening = false;
// Signing out leaves through the identity provider; a poll answered 401 meanwhile must not cut that short.
let signingOut = false;

function listenForActivity() {
  if (listening || typeof window === "undefined") return;
  listening = true;
  const mark = () => {
    activeSinceLastPoll = true;
  };
  for (const type of ["pointerdown", "keydown", "wheel", "touchstart"]) window.addEventListener(type, mark, { passive: true, capture: true });
  const leaving = (e: Event) => {
    if (e.target instanceof HTMLFormElement && e.target.hasAttribute("data-signs-out")) signingOut = true;
  };
  window.addEventListener("submit", leaving, { capture: true });
}

/** The person pressed Sign out: the page is on its way to the provider's sign-out and then the login page. */
export const isSigningOut = (): boolean => signingOut;

/** Whether this poll is background (nobody did anything since the last one); reading it starts a new count. */
export function takeBackground(): boolean {
  listenForActivity();
  const background = !activeSinceLastPoll;
  activeSinceLastPoll = false;
  return background;
}
