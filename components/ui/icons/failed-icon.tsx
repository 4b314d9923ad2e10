import { Icon, type IconProps } from "./icon";

export function FailedIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="m7.2 7.2 5.6 5.6m0-5.6-5.6 5.6" />
    </Icon>
  );
}
