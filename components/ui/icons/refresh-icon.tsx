import { Icon, type IconProps } from "./icon";

export function RefreshIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M15.5 8A6 6 0 0 0 4.6 6.5M4.5 12a6 6 0 0 0 10.9 1.5" />
      <path d="M4.5 3.5v3h3m8 10v-3h-3" />
    </Icon>
  );
}
