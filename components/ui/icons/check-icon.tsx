import { Icon, type IconProps } from "./icon";

export function CheckIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m5 10.5 3 3 7-7" />
    </Icon>
  );
}
