import { Icon, type IconProps } from "./icon";

export function SuccessIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="m6.5 10.2 2.3 2.3 4.7-4.9" />
    </Icon>
  );
}
