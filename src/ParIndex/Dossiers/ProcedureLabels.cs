using ParIndex.Data.Tabular;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers;

/// <summary>Names of procedure levels and online levels in both languages, and their parsing from files and forms.</summary>
public static class ProcedureLabels
{
    public static string LevelVi(ProcedureLevel level) => level switch
    {
        ProcedureLevel.Central => "Trung ương",
        ProcedureLevel.Province => "Tỉnh",
        ProcedureLevel.District => "Huyện",
        _ => "Xã",
    };

    public static string LevelEn(ProcedureLevel level) => level switch
    {
        ProcedureLevel.Central => "Central",
        ProcedureLevel.Province => "Province",
        ProcedureLevel.District => "District",
        _ => "Commune",
    };

    public static string Level(ProcedureLevel level) => T(LevelVi(level), LevelEn(level));

    public static string OnlineVi(OnlineLevel level) => level switch
    {
        OnlineLevel.EndToEnd => "Toàn trình",
        OnlineLevel.Partial => "Một phần",
        _ => "Không",
    };

    public static string OnlineEn(OnlineLevel level) => level switch
    {
        OnlineLevel.EndToEnd => "End-to-end",
        OnlineLevel.Partial => "Partial",
        _ => "None",
    };

    public static string Online(OnlineLevel level) => T(OnlineVi(level), OnlineEn(level));

    /// <summary>Trung ương/Tỉnh/Huyện/Xã (with or without "cấp", diacritics optional) or the enum names.</summary>
    public static ProcedureLevel? ParseLevel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var folded = ColumnName.Normalize(text);
        if (folded.StartsWith("cap_", StringComparison.Ordinal))
            folded = folded[4..];
        return folded switch
        {
            "trung_uong" or "tw" or "central" => ProcedureLevel.Central,
            "tinh" or "thanh_pho" or "province" or "provincial" => ProcedureLevel.Province,
            "huyen" or "quan_huyen" or "district" => ProcedureLevel.District,
            "xa" or "phuong_xa" or "xa_phuong" or "commune" or "ward" => ProcedureLevel.Commune,
            _ => null,
        };
    }

    /// <summary>toàn trình/một phần/không (diacritics optional) or the enum names.</summary>
    public static OnlineLevel? ParseOnline(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return ColumnName.Normalize(text) switch
        {
            "toan_trinh" or "endtoend" or "end_to_end" or "full" => OnlineLevel.EndToEnd,
            "mot_phan" or "partial" => OnlineLevel.Partial,
            "khong" or "none" or "no" => OnlineLevel.None,
            _ => null,
        };
    }
}
