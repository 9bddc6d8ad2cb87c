import { NotPermitted } from "@/components/ui/not-permitted";

export default function Forbidden() {
  return <NotPermitted what="This project" action="team.view" note="Once a project is implemented or sustained, everyone can read it as a practice in the practice library." />;
}
