"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { parseShownGroups, SHOW_PARAM, type TimelineGroup } from "@/lib/domain/timeline-filter.ts";
import type { TimelineFilterState } from "../incident/timeline-panel.tsx";

// The timeline filter lives in the URL (`?show=changes&show=logs`), so a filtered timeline can be linked
// and survives a reload. Other parameters on the page are kept; the filter replaces its own history entry
// rather than adding one per click.
export function useTimelineFilter(): TimelineFilterState {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const { groups, problems } = parseShownGroups(params.getAll(SHOW_PARAM));
  const setShown = (next: TimelineGroup[]) => {
    const search = new URLSearchParams(params.toString());
    search.delete(SHOW_PARAM);
    for (const g of next) search.append(SHOW_PARAM, g);
    const query = search.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return { shown: groups, setShown, problems };
}
