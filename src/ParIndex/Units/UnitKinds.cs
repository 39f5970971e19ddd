using ParIndex.Data.Tabular;

namespace ParIndex.Units;

public static class UnitKinds
{
    public static string Name(UnitKind kind) => kind switch
    {
        UnitKind.Department => Web.Text.T("Sở, ban, ngành", "Department or agency"),
        UnitKind.District => Web.Text.T("UBND quận, huyện", "District People's Committee"),
        UnitKind.ThuDucCity => Web.Text.T("UBND TP Thủ Đức", "Thu Duc City People's Committee"),
        UnitKind.Ward => Web.Text.T("UBND phường, xã, đặc khu", "Ward, commune or special zone"),
        _ => Web.Text.T("Khác", "Other"),
    };

    /// <summary>Parses the enum name or the Vietnamese words an officer would type in a spreadsheet.</summary>
    public static UnitKind? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (Enum.TryParse<UnitKind>(text, ignoreCase: true, out var kind) && !int.TryParse(text, out _))
            return kind;
        var key = ColumnName.Normalize(text);
        return key switch
        {
            "so" or "so_ban_nganh" or "ban" or "nganh" => UnitKind.Department,
            "quan" or "huyen" or "quan_huyen" or "ubnd_quan_huyen" => UnitKind.District,
            "tp_thu_duc" or "thanh_pho_thu_duc" or "ubnd_tp_thu_duc" => UnitKind.ThuDucCity,
            "phuong" or "xa" or "dac_khu" or "phuong_xa" or "phuong_xa_dac_khu" or "ubnd_phuong_xa" or "ubnd_phuong_xa_dac_khu" => UnitKind.Ward,
            "khac" => UnitKind.Other,
            _ => null,
        };
    }
}
