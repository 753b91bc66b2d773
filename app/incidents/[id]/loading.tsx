import { IncidentLoading } from "@/components/incident/incident-loading.tsx";

export default function Loading() {
  return <IncidentLoading />;
}
