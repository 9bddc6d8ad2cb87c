import { NotPermitted } from "@/components/ui/not-permitted";

export default function Forbidden() {
  return <NotPermitted what="The people directory" action="people.view" />;
}
