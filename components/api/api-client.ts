"use client";

import { z } from "zod";
import { isSigningOut, takeBackground } from "./activity.ts";
import { ApiError } from "./api-error.ts";

// The one way the browser talks to Uptrust's API: every query and mutation goes through here, so a lapsed
// session, a refusal and a failure read the same everywhere.

const problem = z.object({ error: z.string() });

function signInAgain(reason: string | undefined) {
  const query = new URLSearchParams({ callbackUrl: `${window.location.pathname}${window.location.search}` });
  if (reason) query.set("signedOut", reason);
  // A full load, not a client-side push: the session is gone and the login page is rendered by the server.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/login?${query}`);
}

async function answer<T>(res: Response): Promise<T> {
  const type = res.headers.get("content-type") ?? "";
  const json: unknown = type.includes("application/json") ? await res.json().catch(() => null) : null;
  if (res.status === 401) {
    // The session ended server-side (signed out elsewhere, idle, revoked): the login page says why. Unless
    // the person is signing out here: then the provider's sign-out is already taking them there.
    if (!isSigningOut()) signInAgain((json as { signedOut?: string } | null)?.signedOut);
    throw new ApiError("your session ended; sign in again", 401, json);
  }
  if (!type.includes("application/json")) {
    // A lapsed session redirected to /login (HTML) must not be mistaken for data.
    throw new ApiError(res.redirected ? "your session ended; sign in again" : `the server answered ${res.status}`, res.status);
  }
  if (res.ok) return json as T;
  const said = problem.safeParse(json);
  throw new ApiError(said.success ? said.data.error : `the server answered ${res.status}`, res.status, json);
}

/** Reads JSON. `live`: a poll, which tells the server whether a person was active since the last one. */
export async function getJson<T>(url: string, options: { live?: boolean; signal?: AbortSignal } = {}): Promise<T> {
  const background = options.live === true && takeBackground();
  // "no-cache": always ask the server, but with the ETag of the answer held, so an unchanged answer comes
  // back as 304 with no body (the browser hands the held one over; React Query keeps the same data).
  const res = await fetch(url, {
    cache: "no-cache",
    signal: options.signal,
    headers: { accept: "application/json", ...(background ? { "x-uptrust-background": "1" } : {}) },
  });
  return answer<T>(res);
}

/**
 * Sends a change (a person's action, never background); throws ApiError with the server's sentence.
 * A body is sent as JSON, unless `contentType` names what the string body already is (e.g. a YAML file).
 */
export async function sendJson<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown, contentType?: string): Promise<T> {
  const raw = contentType !== undefined && typeof body === "string";
  const res = await fetch(url, {
    method,
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": raw ? contentType : "application/json" }) },
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
  });
  return answer<T>(res);
}
