"use client";

import type { ListFilter } from "@/lib/domain/list-query.ts";
import { scopeSearch } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { ScopeOptions } from "@/lib/views/scope-options.ts";
import c from "../cockpit/cockpit.module.css";
import { ScopeControls } from "./scope-controls.tsx";
import { ScopeProblems } from "./scope-problems.tsx";
import { useScopeNavigation } from "./use-scope-navigation.ts";

// The scope controls as a page mounts them: the scope the server read from the URL, what in the URL it
// could not read, and navigation to the next scope. Any page that reads parseScope can mount it; a list
// page passes its own filter so that a new scope keeps it.
type Props = { scope: Scope; problems: string[]; options: ScopeOptions; remember?: boolean; filter?: ListFilter };

export function ScopeBar({ scope, problems, options, remember = false, filter }: Props) {
  const { go, saveError } = useScopeNavigation(remember, filter);
  // Keyed by the scope: the back button brings another scope, and the fields must show that one.
  const key = scopeSearch(scope).toString();
  return (
    <div data-scope={key}>
      <ScopeControls key={key} scope={scope} options={options} onChange={go} />
      <ScopeProblems problems={problems} />
      {saveError ? <p className={c.problems} role="status">Uptrust could not remember this scope for you ({saveError.message}); the link still shows it.</p> : null}
    </div>
  );
}
