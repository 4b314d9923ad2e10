import { Icon, type IconProps } from "./icon";

export function SkippedIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M6.5 10h7" />
    </Icon>
  );
}
