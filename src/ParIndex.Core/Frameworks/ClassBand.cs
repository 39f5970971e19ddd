namespace ParIndex.Core.Frameworks;

/// <summary>
/// A class (xếp loại) band: units whose index lies in [MinIndex, MaxIndex) get it. Bands are listed
/// best first; the band order is what "Khá or below" means in rules.
/// </summary>
public sealed record ClassBand
{
    public required string Code { get; init; }
    public required string NameVi { get; init; }
    public string? NameEn { get; init; }
    public decimal? MinIndex { get; init; }
    public decimal? MaxIndex { get; init; }

    /// <summary>CSS colour token used consistently on every page (never the only signal).</summary>
    public string Color { get; init; } = "neutral";

    public bool Contains(decimal index) => (MinIndex is null || index >= MinIndex) && (MaxIndex is null || index < MaxIndex);

    public string Name(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : NameVi;

    /// <summary>The common four-band scale: Tốt ≥ 80, Khá 70–&lt;80, Trung bình 50–&lt;70, Yếu &lt; 50.</summary>
    public static IReadOnlyList<ClassBand> Default { get; } =
    [
        new() { Code = "tot", NameVi = "Tốt", NameEn = "Good", MinIndex = 80, Color = "good" },
        new() { Code = "kha", NameVi = "Khá", NameEn = "Fair", MinIndex = 70, MaxIndex = 80, Color = "fair" },
        new() { Code = "trung-binh", NameVi = "Trung bình", NameEn = "Average", MinIndex = 50, MaxIndex = 70, Color = "average" },
        new() { Code = "yeu", NameVi = "Yếu", NameEn = "Weak", MaxIndex = 50, Color = "weak" },
    ];

    /// <summary>HCMC's six-band scale of 2018: Xuất sắc, Tốt, Khá, Trung bình, Yếu, Kém.</summary>
    public static IReadOnlyList<ClassBand> HcmcSixBands { get; } =
    [
        new() { Code = "xuat-sac", NameVi = "Xuất sắc", NameEn = "Excellent", MinIndex = 90, Color = "excellent" },
        new() { Code = "tot", NameVi = "Tốt", NameEn = "Good", MinIndex = 80, MaxIndex = 90, Color = "good" },
        new() { Code = "kha", NameVi = "Khá", NameEn = "Fair", MinIndex = 70, MaxIndex = 80, Color = "fair" },
        new() { Code = "trung-binh", NameVi = "Trung bình", NameEn = "Average", MinIndex = 50, MaxIndex = 70, Color = "average" },
        new() { Code = "yeu", NameVi = "Yếu", NameEn = "Weak", MinIndex = 30, MaxIndex = 50, Color = "weak" },
        new() { Code = "kem", NameVi = "Kém", NameEn = "Poor", MaxIndex = 30, Color = "poor" },
    ];
}
