import { Text, View } from '@tarojs/components';

/** A field's message under it, announced when it appears. */
export function FieldError({ text }: { text: string | undefined }) {
  return text ? (
    <View role="alert">
      <Text className="field-error">{text}</Text>
    </View>
  ) : null;
}
