import Taro from '@tarojs/taro';

const KEY = 'tipReceipts';

export interface StoredReceipt {
  receipt: string;
  submittedAt: string;
}

/** Receipts kept on this device — only those the person chose to keep. */
export function storedReceipts(): StoredReceipt[] {
  const value = Taro.getStorageSync(KEY);
  return Array.isArray(value) ? (value as StoredReceipt[]) : [];
}

export function keepReceipt(r: StoredReceipt): void {
  const rest = storedReceipts().filter((x) => x.receipt !== r.receipt);
  Taro.setStorageSync(KEY, [r, ...rest].slice(0, 20));
}

export function forgetReceipt(receipt: string): void {
  Taro.setStorageSync(
    KEY,
    storedReceipts().filter((x) => x.receipt !== receipt),
  );
}
