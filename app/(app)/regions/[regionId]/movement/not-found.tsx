import { MessagePage } from "@/components/ui/message-page";
import { TextLink } from "@/components/ui/text-link";

export default function RegionNotFound() {
  return (
    <MessagePage title="Region not found" action={<TextLink href="/overview">Back to the overview</TextLink>}>
      <p>There is no region at this address. Pick one from the overview&apos;s table.</p>
    </MessagePage>
  );
}
