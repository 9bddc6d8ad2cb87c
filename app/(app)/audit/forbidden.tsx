import { NotPermitted } from "@/components/ui/not-permitted";

export default function Forbidden() {
  return <NotPermitted what="The audit log" action="audit.view" note="Each team, rating, project and savings entry shows its own history to those who may see it." />;
}
