import { Icon, type IconProps } from "./icon";

export function ChevronIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m7.5 5 5 5-5 5" />
    </Icon>
  );
}
