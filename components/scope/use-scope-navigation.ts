"use client";

import { useMutation } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { listSearch, type ListFilter } from "@/lib/domain/list-query.ts";
import { scopeSearch } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";
import { sendJson } from "../api/api-client.ts";

// A new scope is a new URL (router.push: shareable, and the back button walks back through scopes). With
// `remember`, the person's choice is stored first, so opening / later (or clearing to everything, then
// reloading) brings back exactly what they last chose; a failed save is said, and the page still moves.
// A list's own filter (`filter`, e.g. /slos's state) rides along into the new scope; its page number does not,
// since the new scope's rows start on the first page. Only the scope is remembered.
export function useScopeNavigation(remember: boolean, filter: ListFilter = {}) {
  const router = useRouter();
  const pathname = usePathname();
  const save = useMutation({ mutationFn: (search: string) => sendJson<{ search: string }>("PUT", "/api/preferences/scope", { search }) });
  const go = async (scope: Scope) => {
    if (remember) await save.mutateAsync(scopeSearch(scope).toString()).catch(() => undefined);
    const search = listSearch(scope, filter);
    router.push(search ? `${pathname}?${search}` : pathname);
  };
  return { go, saveError: save.error };
}
