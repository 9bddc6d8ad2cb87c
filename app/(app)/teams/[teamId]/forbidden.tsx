import { NotPermitted } from "@/components/ui/not-permitted";

export default function Forbidden() {
  return <NotPermitted what="This team's records" plural action="team.view" />;
}
