import { Icon, type IconProps } from "./icon";

export function WarningIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M10 3.5 2.8 16h14.4L10 3.5Z" />
      <path d="M10 8.5v3.2m0 2.3v.01" />
    </Icon>
  );
}
