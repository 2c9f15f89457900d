import { Text } from '@tarojs/components';

/** The 演示数据 mark every synthetic listing carries (never mistaken for a real person). */
export function DemoMark() {
  return (
    <Text className="demo-mark" aria-label="演示数据，非真实信息">
      演示数据
    </Text>
  );
}
