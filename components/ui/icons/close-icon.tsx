import { Icon, type IconProps } from "./icon";

export function CloseIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m6 6 8 8m0-8-8 8" />
    </Icon>
  );
}
