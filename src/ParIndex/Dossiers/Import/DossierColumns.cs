using ParIndex.Core.Dossiers;
using ParIndex.Data.Tabular;

namespace ParIndex.Dossiers.Import;

internal enum DossierColumn
{
    Code, Unit, Procedure, Channel, ReceivedAt, PromisedAt,
    SupplementRequestedAt, SupplementCompletedAt, DoneAt, ReturnedAt, RefusedAt, StoppedAt, WithdrawnAt,
    Payment, Digitised, ElectronicResult, EndToEnd, Rating,
}

/// <summary>
/// The columns of the dossier CSV format (docs/dossiers.md §4): an English name (the canonical one, used in problem
/// reports), the Vietnamese header of the template, and other headers accepted. Headers are compared after
/// <see cref="ColumnName.Normalize"/>, so case, diacritics and punctuation do not matter; columns may come in any
/// order; unknown columns (a citizen's name, say) are ignored and never stored.
/// </summary>
internal static class DossierColumns
{
    public sealed record Spec(DossierColumn Column, string Name, string Vietnamese, bool Required, string[] Aliases);

    public static readonly Spec[] All =
    [
        new(DossierColumn.Code, DossierFields.Code, "Mã hồ sơ", true, ["ma_ho_so", "so_ho_so", "ma", "dossier_code"]),
        new(DossierColumn.Unit, DossierFields.Unit, "Mã đơn vị", true, ["unit_code", "ma_don_vi", "don_vi", "ma_co_quan", "co_quan"]),
        new(DossierColumn.Procedure, DossierFields.Procedure, "Mã thủ tục", true, ["procedure_code", "ma_thu_tuc", "ma_tthc", "thu_tuc"]),
        new(DossierColumn.Channel, DossierFields.Channel, "Kênh tiếp nhận", true, ["kenh_tiep_nhan", "kenh", "hinh_thuc_nop"]),
        new(DossierColumn.ReceivedAt, DossierFields.ReceivedAt, "Ngày tiếp nhận", true, ["ngay_tiep_nhan", "thoi_diem_tiep_nhan", "ngay_nhan"]),
        new(DossierColumn.PromisedAt, DossierFields.PromisedAt, "Ngày hẹn trả", false, ["ngay_hen_tra", "ngay_hen_tra_ket_qua", "due_at"]),
        new(DossierColumn.SupplementRequestedAt, DossierFields.SupplementRequestedAt, "Ngày yêu cầu bổ sung", false, ["ngay_yeu_cau_bo_sung"]),
        new(DossierColumn.SupplementCompletedAt, DossierFields.SupplementCompletedAt, "Ngày bổ sung", false, ["ngay_bo_sung", "ngay_da_bo_sung", "ngay_cong_dan_bo_sung"]),
        new(DossierColumn.DoneAt, DossierFields.DoneAt, "Ngày xử lý xong", false, ["ngay_xu_ly_xong", "ngay_hoan_thanh", "ngay_co_ket_qua"]),
        new(DossierColumn.ReturnedAt, DossierFields.ReturnedAt, "Ngày trả kết quả", false, ["ngay_tra_ket_qua", "ngay_tra"]),
        new(DossierColumn.RefusedAt, DossierFields.RefusedAt, "Ngày từ chối", false, ["ngay_tu_choi"]),
        new(DossierColumn.StoppedAt, DossierFields.StoppedAt, "Ngày dừng xử lý", false, ["ngay_dung_xu_ly"]),
        new(DossierColumn.WithdrawnAt, DossierFields.WithdrawnAt, "Ngày rút hồ sơ", false, ["ngay_rut_ho_so", "ngay_cong_dan_rut_ho_so"]),
        new(DossierColumn.Payment, DossierFields.Payment, "Thanh toán", false, ["thanh_toan", "hinh_thuc_thanh_toan", "online_payment"]),
        new(DossierColumn.Digitised, DossierFields.Digitised, "Số hóa", false, ["digitized", "so_hoa", "da_so_hoa"]),
        new(DossierColumn.ElectronicResult, DossierFields.ElectronicResult, "Kết quả điện tử", false, ["ket_qua_dien_tu"]),
        new(DossierColumn.EndToEnd, DossierFields.EndToEnd, "Toàn trình", false, ["toan_trinh", "dvc_toan_trinh"]),
        new(DossierColumn.Rating, DossierFields.Rating, "Đánh giá", false, ["danh_gia", "muc_do_hai_long"]),
    ];

    public const int Count = 18;

    private static readonly Dictionary<string, DossierColumn> ByHeader = BuildHeaders();

    private static Dictionary<string, DossierColumn> BuildHeaders()
    {
        var map = new Dictionary<string, DossierColumn>(StringComparer.Ordinal);
        foreach (var spec in All)
        {
            map[ColumnName.Normalize(spec.Name)] = spec.Column;
            map[ColumnName.Normalize(spec.Vietnamese)] = spec.Column;
            foreach (var alias in spec.Aliases)
                map[ColumnName.Normalize(alias)] = spec.Column;
        }
        return map;
    }

    public static DossierColumn? Find(string header) =>
        ByHeader.TryGetValue(ColumnName.Normalize(header), out var column) ? column : null;

    public static string NameOf(DossierColumn column) => All[(int)column].Name;

    public static DossierColumn ForEvent(DossierEventKind kind) => kind switch
    {
        DossierEventKind.SupplementRequested => DossierColumn.SupplementRequestedAt,
        DossierEventKind.SupplementCompleted => DossierColumn.SupplementCompletedAt,
        DossierEventKind.ProcessingDone => DossierColumn.DoneAt,
        DossierEventKind.ResultReturned => DossierColumn.ReturnedAt,
        DossierEventKind.Refused => DossierColumn.RefusedAt,
        DossierEventKind.Stopped => DossierColumn.StoppedAt,
        _ => DossierColumn.WithdrawnAt,
    };

    public static readonly string[] EnglishHeaders = [.. All.Select(s => s.Name)];
    public static readonly string[] VietnameseHeaders = [.. All.Select(s => s.Vietnamese)];
}
