import { NotPermitted } from "@/components/ui/not-permitted";

export default function Forbidden() {
  return <NotPermitted what="Logging a project for this team" action="project.edit" />;
}
