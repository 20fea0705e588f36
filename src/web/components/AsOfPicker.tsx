/** The global "Ngày xem" picker in the header; changing it re-reads the tree as of that date. */
import { DatePicker, Tag, Tooltip } from 'antd';
import { useAsOf } from '../app/asOf.ts';
import { DATE_FORMATS, DATE_PLACEHOLDER, fromIso, toIso } from '../lib/dates.ts';

export function AsOfPicker() {
  const { asOf, isToday, setAsOf } = useAsOf();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap' }}>
      <label htmlFor="asof-picker">Ngày xem</label>
      <DatePicker
        id="asof-picker"
        data-testid="asof-picker"
        value={fromIso(asOf)}
        format={DATE_FORMATS}
        placeholder={DATE_PLACEHOLDER}
        allowClear={false}
        style={{ width: 136 }}
        onChange={(value) => setAsOf(value ? toIso(value) : null)}
      />
      {!isToday && (
        <Tooltip title="Dữ liệu đang hiển thị theo ngày đã chọn, không phải hôm nay. Bấm để về hôm nay.">
          <Tag color="orange" style={{ cursor: 'pointer', marginInlineEnd: 0 }} onClick={() => setAsOf(null)}>
            Về hôm nay
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}
