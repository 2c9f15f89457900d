import {
  CONSUMPTION_BAN_ITEMS,
  TIP_ASSET_TYPE_LABELS,
  TIP_ASSET_TYPES,
  type TipAssetType,
  type TipKind,
} from '@portal/domain';
import type { TipErrors, TipFormInput } from './tip-rules.ts';

const KINDS: readonly { kind: TipKind; label: string; hint: string }[] = [
  { kind: 'asset', label: '财产线索', hint: '房产、车辆、存款、经营收入等' },
  { kind: 'whereabouts', label: '下落', hint: '被执行人或其法定代表人现在在哪里' },
  { kind: 'consumption', label: '违反限制消费', hint: '如乘坐飞机、高铁，入住星级宾馆' },
  { kind: 'other', label: '其他', hint: '其他与履行义务有关的情况' },
];

interface Props {
  input: TipFormInput;
  errors: TipErrors;
  set: <K extends keyof TipFormInput>(field: K, value: TipFormInput[K]) => void;
}

function ErrorLine({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className="field-error" id={id}>
      {text}
    </p>
  ) : null;
}

/** 举报内容: the four kinds, then the property type or the ban item the chosen kind needs. */
export function TipKindFields({ input, errors, set }: Props) {
  return (
    <>
      <div className="field">
        <fieldset aria-describedby={errors.kind ? 't-kind-error' : undefined}>
          <legend>您要举报什么</legend>
          <ErrorLine id="t-kind-error" text={errors.kind} />
          {KINDS.map((k) => (
            <div className="choice" key={k.kind}>
              <input
                type="radio"
                id={`t-kind-${k.kind}`}
                name="kind"
                value={k.kind}
                checked={input.kind === k.kind}
                onChange={() => set('kind', k.kind)}
              />
              <label htmlFor={`t-kind-${k.kind}`}>
                {k.label}
                <span className="hint">{`（${k.hint}）`}</span>
              </label>
            </div>
          ))}
        </fieldset>
      </div>

      {input.kind === 'asset' && (
        <div className="field tip-sub">
          <fieldset aria-describedby={errors.assetType ? 't-asset-error' : undefined}>
            <legend>财产类型</legend>
            <ErrorLine id="t-asset-error" text={errors.assetType} />
            {TIP_ASSET_TYPES.map((t: TipAssetType) => (
              <div className="choice" key={t}>
                <input
                  type="radio"
                  id={`t-asset-${t}`}
                  name="assetType"
                  value={t}
                  checked={input.assetType === t}
                  onChange={() => set('assetType', t)}
                />
                <label htmlFor={`t-asset-${t}`}>{TIP_ASSET_TYPE_LABELS[t]}</label>
              </div>
            ))}
          </fieldset>
        </div>
      )}

      {input.kind === 'consumption' && (
        <div className="field tip-sub">
          <fieldset aria-describedby={errors.consumptionItem ? 't-item-error' : undefined}>
            <legend>看到的是哪一类消费</legend>
            <ErrorLine id="t-item-error" text={errors.consumptionItem} />
            {CONSUMPTION_BAN_ITEMS.map((item) => (
              <div className="choice" key={item.item}>
                <input
                  type="radio"
                  id={`t-item-${item.item}`}
                  name="consumptionItem"
                  value={String(item.item)}
                  checked={input.consumptionItem === String(item.item)}
                  onChange={() => set('consumptionItem', String(item.item))}
                />
                <label htmlFor={`t-item-${item.item}`}>{item.shortLabel}</label>
              </div>
            ))}
          </fieldset>
        </div>
      )}
    </>
  );
}
