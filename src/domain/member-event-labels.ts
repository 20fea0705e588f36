/** What users read for each kind of life event and each status (domain.md §4, status history); shared by server and web. */
export const EVENT_LABELS: Record<string, string> = {
  admitted: 'Kết nạp vào Đảng',
  recognized_official: 'Công nhận đảng viên chính thức',
  transfer_out_started: 'Chuyển sinh hoạt đảng chính thức (chuyển đi)',
  transfer_in_confirmed: 'Tiếp nhận sinh hoạt đảng (chuyển đến)',
  temporary_out: 'Sinh hoạt đảng tạm thời nơi khác',
  temporary_return: 'Trở về sinh hoạt tại chi bộ',
  exempted: 'Miễn công tác và sinh hoạt đảng',
  exemption_ended: 'Thôi miễn sinh hoạt đảng',
  suspended: 'Đình chỉ sinh hoạt đảng',
  suspension_ended: 'Hết đình chỉ sinh hoạt đảng',
  deceased: 'Từ trần',
  struck_off: 'Xóa tên khỏi danh sách đảng viên',
  allowed_to_leave: 'Cho ra khỏi Đảng',
  expelled: 'Khai trừ khỏi Đảng',
  expulsion_annulled: 'Hủy quyết định khai trừ',
  readmitted: 'Kết nạp lại vào Đảng',
  lost_contact: 'Mất liên lạc',
  contact_restored: 'Liên lạc lại',
};

/** Current status of a member (domain.md §4 "Status"; codes of src/domain/member-status.ts). */
export const MEMBER_STATUS_LABELS: Record<string, string> = {
  active: 'Đang sinh hoạt',
  exempt: 'Miễn sinh hoạt',
  temporarily_away: 'Sinh hoạt tạm thời nơi khác',
  in_transit: 'Đang chuyển sinh hoạt',
  suspended: 'Đình chỉ sinh hoạt',
  lost_contact: 'Mất liên lạc',
  deceased: 'Từ trần',
  struck_off: 'Xóa tên',
  left: 'Cho ra khỏi Đảng',
  expelled: 'Khai trừ',
};
